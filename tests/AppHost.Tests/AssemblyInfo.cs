// The AppHost runs on Linux only (it starts PostgreSQL and RabbitMQ as local processes and signals them).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
