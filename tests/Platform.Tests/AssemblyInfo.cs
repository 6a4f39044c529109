// The platform runs on Linux: the tests read /proc and send POSIX signals.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The shared platform and the lifecycle tests' own platforms must never run side by side: two whole
// platforms at once on a small machine would make every timing in them meaningless.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
