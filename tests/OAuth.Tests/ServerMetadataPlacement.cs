namespace Platform.OAuth.Tests;

/// <summary>Where the test authorization server publishes its metadata (relative to its issuer).</summary>
public enum ServerMetadataPlacement
{
    OAuthInserted,
    OpenIdInserted,
    OpenIdAppended,
    None,
}
