namespace Platform.Hosting;

/// <summary>Marker for the small facts attached to a resource; behaviour hangs on these, not on flags.</summary>
public interface IResourceAnnotation;

/// <summary>The annotations of one resource.</summary>
public sealed class ResourceAnnotationCollection : List<IResourceAnnotation>;

/// <summary><c>WithReference(target)</c>: inject the target's connection string or service-discovery endpoints.</summary>
public sealed record ReferenceAnnotation(IResource Target) : IResourceAnnotation;

/// <summary><c>WaitFor(target)</c>: start only once the target is running and healthy.</summary>
public sealed record WaitAnnotation(IResource Target) : IResourceAnnotation;

/// <summary><c>WithReplicas(n)</c>: run n instances, each with its own endpoint.</summary>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary><c>WithHttpHealthCheck(path)</c>: healthy when GET path on the http endpoint answers 2xx.</summary>
public sealed record HttpHealthCheckAnnotation(string Path) : IResourceAnnotation;

/// <summary><c>WithExternalHttpEndpoints()</c>: the http endpoint is reachable from outside the application.</summary>
public sealed record ExternalEndpointAnnotation : IResourceAnnotation;

/// <summary><c>WithEnvironment(name, value)</c>: an extra environment variable for a project, a literal or a parameter's value.</summary>
public sealed record EnvironmentAnnotation(string Name, string? Value, ParameterResource? Parameter = null) : IResourceAnnotation;

/// <summary>Set on a project that another project references: the caller may authenticate to it with its service key.</summary>
public sealed record ServiceCallerAnnotation(ProjectResource Caller) : IResourceAnnotation;
