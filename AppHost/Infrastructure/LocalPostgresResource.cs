using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL from the Debian package, run by Aspire as an executable (no container runtime needed). DCP picks the
/// port and hands it over in <c>PGPORT</c>; the cluster lives in the data folder.
/// </summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}
