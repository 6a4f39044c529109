namespace Platform.Hosting;

/// <summary>Writes the Aspire manifest (schema aspire-8.0) for the model.</summary>
public static class ManifestPublisher
{
    public static void Write(IReadOnlyList<IResource> resources, string outputPath) => throw new NotImplementedException();
}
