namespace Platform.Hosting;

/// <summary>Base class of all resources.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = ResourceNames.Validate(name);

    public ResourceAnnotationCollection Annotations { get; } = new();

    public override string ToString() => Name;
}
