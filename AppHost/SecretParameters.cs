using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost;

/// <summary>
/// Secret parameters Aspire generates in a deployment (the manifest says how); a local run takes their values from
/// the data folder's <c>parameters.json</c>, generating and keeping any that are missing.
/// </summary>
internal sealed class SecretParameters(IDistributedApplicationBuilder builder, ParameterStore? store)
{
    public IResourceBuilder<ParameterResource> Add(string name, int length)
    {
        if (store is not null)
        {
            builder.Configuration[$"Parameters:{name}"] = store.GetOrGenerate(name, length);
        }
        return builder.AddParameter(name, new GenerateParameterDefault { MinLength = length, Special = false }, secret: true);
    }
}
