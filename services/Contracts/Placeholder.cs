namespace Platform.Contracts;
