namespace NetControl.Probes;
