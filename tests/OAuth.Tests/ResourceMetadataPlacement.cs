namespace Platform.OAuth.Tests;

/// <summary>Where the test server publishes its Protected Resource Metadata.</summary>
public enum ResourceMetadataPlacement
{
    PathInserted,
    Root,
    HeaderOnly,
    None,
}
