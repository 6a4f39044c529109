namespace Platform.Hosting;

/// <summary>A named part of the application model: a server, a database, a parameter or a project.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}

/// <summary>A resource other resources can reference by connection string (<c>ConnectionStrings__name</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string as the manifest writes it, with <c>{resource.bindings...}</c> placeholders.</summary>
    string ConnectionStringExpression { get; }
}

/// <summary>A resource that has a parent whose lifetime it shares (a database on a server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
