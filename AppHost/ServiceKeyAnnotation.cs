using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost;

/// <summary>The parameter holding a service's own key (<c>ServiceAuth__Key</c>).</summary>
internal sealed record ServiceKeyAnnotation(ParameterResource Key) : IResourceAnnotation;
