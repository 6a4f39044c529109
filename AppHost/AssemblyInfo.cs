// The AppHost runs on Linux only (it runs Debian's PostgreSQL and RabbitMQ when no container runtime answers).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
