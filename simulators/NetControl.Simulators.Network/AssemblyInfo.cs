namespace NetControl.Simulators.Network;
