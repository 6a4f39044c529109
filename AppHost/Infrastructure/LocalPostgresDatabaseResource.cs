using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Infrastructure;

/// <summary>A database on a PostgreSQL server the platform runs or is given; its state follows its server's.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, IResourceWithConnectionString server)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public IResource Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{server};Database={DatabaseName}");
}
