namespace NetControl.Messaging;
