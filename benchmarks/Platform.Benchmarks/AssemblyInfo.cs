using System.Runtime.Versioning;

// The platform runs on Linux (the AppHost's model says so), and so does what runs it.
[assembly: SupportedOSPlatform("linux")]
