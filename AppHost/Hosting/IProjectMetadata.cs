namespace Platform.Hosting;

/// <summary>Describes a service project; implemented by the generated <c>Projects.*</c> classes.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    string AssemblyPath { get; }
}
