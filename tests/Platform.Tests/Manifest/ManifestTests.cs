using Platform.Tests.Infrastructure;

namespace Platform.Tests.Manifest;

/// <summary>The manifest the AppHost publishes: valid Aspire 8.0, identical to the checked-in file.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task Published_manifest_validates_against_the_aspire_schema()
    {
        var manifest = await ManifestFile.PublishAsync();
        var schema = await ManifestSchema.LoadAsync();

        var errors = schema.Validate(manifest);

        Assert.True(errors.Count == 0, "schema errors: " + string.Join("; ", errors.Select(e => e.ToString())));
    }

    [Fact]
    public async Task Published_manifest_equals_the_checked_in_file_byte_for_byte()
    {
        var published = await ManifestFile.PublishBytesAsync();
        Assert.True(File.Exists(RepositoryPaths.CheckedInManifest), "aspire-manifest.json is not checked in at the repository root");
        var checkedIn = await File.ReadAllBytesAsync(RepositoryPaths.CheckedInManifest);

        Assert.True(checkedIn.AsSpan().SequenceEqual(published),
            "aspire-manifest.json differs from what `dotnet run --project AppHost -- --publisher manifest --output-path aspire-manifest.json` writes; regenerate it.");
    }

    /// <summary>Proves the validation above can fail: the schema as loaded still rejects what Aspire's would.</summary>
    [Theory]
    [InlineData("""{ "resources": { "api": { "type": "project.v0" } } }""")]
    [InlineData("""{ "resources": { "db": { "type": "value.v0" } } }""")]
    [InlineData("""{ "resources": { "pw": { "type": "parameter.v0", "value": "{pw.inputs.value}", "inputs": { "value": { "type": "number" } } } } }""")]
    [InlineData("""{ "resources": { "db": { "type": "container.v0", "image": "postgres", "build": { "context": ".", "dockerfile": "Dockerfile" } } } }""")]
    [InlineData("""{ "resources": { "api": { "type": "project.v0", "path": "Api.csproj", "replicas": 2 } } }""")]
    [InlineData("""{ "resources": { "api": { "type": "project.v0", "path": "Api.csproj", "bindings": { "http": { "scheme": "http", "protocol": "sctp", "transport": "http" } } } } }""")]
    public async Task The_schema_rejects_invalid_manifests(string manifest)
    {
        var schema = await ManifestSchema.LoadAsync();

        Assert.NotEmpty(schema.Validate(manifest));
    }

    [Fact]
    public async Task The_schema_accepts_a_minimal_valid_manifest()
    {
        var schema = await ManifestSchema.LoadAsync();

        Assert.Empty(schema.Validate("""{ "resources": { "api": { "type": "project.v0", "path": "Api/Api.csproj" }, "db": { "type": "value.v0", "connectionString": "x" } } }"""));
    }

    [Fact]
    public async Task The_aspire_example_manifest_validates()
    {
        var schema = await ManifestSchema.LoadAsync();
        var example = Path.Combine(Path.GetDirectoryName(RepositoryPaths.ManifestSchema)!, "example-testshop-manifest.json");

        var errors = schema.Validate(await File.ReadAllTextAsync(example));

        Assert.True(errors.Count == 0, "schema errors: " + string.Join("; ", errors.Select(e => e.ToString())));
    }
}
