namespace Platform.AppHost.Infrastructure;

/// <summary>Finds the Debian-packaged servers the AppHost runs, or says exactly what to install.</summary>
internal static class Prerequisites
{
    public static string PostgresBinDirectory()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")) && File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw Missing("PostgreSQL", "postgresql");
    }

    public static string RabbitMQServer()
    {
        const string server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        return File.Exists(server) && Epmd() is not null ? server : throw Missing("RabbitMQ", "rabbitmq-server");
    }

    public static string? Epmd() =>
        new[] { "/usr/bin/epmd", "/usr/lib/erlang/bin/epmd" }.FirstOrDefault(File.Exists);

    private static AppHostUsageException Missing(string what, string package) =>
        new($"{what} is not installed. Install it with: sudo apt-get install -y {package} " +
            $"(or point the AppHost at an existing server with ConnectionStrings__{(package == "postgresql" ? "postgres" : "eventbus")}).");
}
