using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// The Erlang port mapper the local RabbitMQ node registers with, run in the foreground as a resource of its own.
/// Left to itself, the Erlang VM would start a detached epmd daemon that outlives the AppHost (DCP ends the
/// processes it started, not their daemons); a private one on its own port also keeps parallel platforms apart.
/// </summary>
public sealed class EpmdResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory)
{
    public int Port { get; } = port;
}
