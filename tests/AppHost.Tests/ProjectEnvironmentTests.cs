using Platform.Hosting;

namespace Platform.AppHost.Tests;

public sealed class ProjectEnvironmentTests
{
    private readonly DistributedApplicationBuilder _builder = DistributedApplication.CreateBuilder(["--data-dir", Path.GetTempPath()]);

    [Fact]
    public void A_project_gets_aspires_variables_for_what_it_references()
    {
        var db = _builder.AddPostgres("postgres").AddDatabase("ordersdb");
        var bus = _builder.AddRabbitMQ("eventbus");
        var backend = _builder.AddProject<FakeProject>("backend").WithReplicas(2);
        var api = _builder.AddProject<FakeProject>("api")
            .WithReference(db).WaitFor(db)
            .WithReference(bus)
            .WithReference(backend)
            .WithEnvironment("FEATURE", "on");

        var env = ProjectEnvironment.Build(api.Resource, new FakeResolver());

        Assert.Equal("4100", Value(env, "HTTP_PORTS"));
        Assert.Equal("cs(ordersdb)", Value(env, "ConnectionStrings__ordersdb"));
        Assert.Equal("cs(eventbus)", Value(env, "ConnectionStrings__eventbus"));
        Assert.Equal("http://backend-0", Value(env, "services__backend__http__0"));
        Assert.Equal("http://backend-1", Value(env, "services__backend__http__1"));
        Assert.Equal("true", Value(env, "ASPNETCORE_FORWARDEDHEADERS_ENABLED"));
        Assert.Equal("in_memory", Value(env, "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"));
        Assert.Equal("on", Value(env, "FEATURE"));
        Assert.Equal(env.Count, env.Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public void A_project_gets_nothing_for_what_it_does_not_reference()
    {
        _builder.AddPostgres("postgres").AddDatabase("ordersdb");
        var secret = _builder.AddProject<FakeProject>("vault");
        var api = _builder.AddProject<FakeProject>("api");

        var env = ProjectEnvironment.Build(api.Resource, new FakeResolver());

        Assert.DoesNotContain(env, e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Assert.DoesNotContain(env, e => e.Key.StartsWith("services__", StringComparison.Ordinal));
        Assert.NotNull(secret);
    }

    [Fact]
    public void A_service_presents_its_own_key_and_accepts_only_the_keys_of_the_projects_that_reference_it()
    {
        var vault = _builder.AddProject<FakeProject>("vault");
        var edge = _builder.AddProject<FakeProject>("edge").WithReference(vault);
        var registry = _builder.AddProject<FakeProject>("registry").WithReference(vault);
        var gateway = _builder.AddProject<FakeProject>("gateway").WithReference(edge);

        var vaultEnv = ProjectEnvironment.Build(vault.Resource, new FakeResolver());
        var edgeEnv = ProjectEnvironment.Build(edge.Resource, new FakeResolver());

        Assert.Equal("value(vault-service-key)", Value(vaultEnv, "ServiceAuth__Key"));
        Assert.Equal("value(edge-service-key)", Value(vaultEnv, "ServiceAuth__Callers__edge"));
        Assert.Equal("value(registry-service-key)", Value(vaultEnv, "ServiceAuth__Callers__registry"));
        Assert.DoesNotContain(vaultEnv, e => e.Key == "ServiceAuth__Callers__gateway");
        Assert.Equal("value(gateway-service-key)", Value(edgeEnv, "ServiceAuth__Callers__gateway"));
        Assert.True(edge.Resource.ServiceKey.Secret);
        Assert.True(edge.Resource.ServiceKey.GeneratedLength * Math.Log2(62) >= 256);
        Assert.NotNull(registry);
        Assert.NotNull(gateway);
    }

    [Fact]
    public void A_parameter_valued_variable_renders_through_the_resolver()
    {
        var key = _builder.AddParameter("master-key", secret: true);
        var api = _builder.AddProject<FakeProject>("api").WithEnvironment("Vault__MasterKey", key);

        var env = ProjectEnvironment.Build(api.Resource, new FakeResolver());

        Assert.Equal("value(master-key)", Value(env, "Vault__MasterKey"));
    }

    [Fact]
    public void Without_a_port_no_http_ports_variable_is_written()
    {
        var api = _builder.AddProject<FakeProject>("api");

        var env = ProjectEnvironment.Build(api.Resource, new FakeResolver(port: null));

        Assert.DoesNotContain(env, e => e.Key == "HTTP_PORTS");
    }

    [Fact]
    public void Referencing_a_parameter_is_refused()
    {
        var password = _builder.AddParameter("password", secret: true);
        var api = _builder.AddProject<FakeProject>("api");

        Assert.Throws<ArgumentException>(() => api.WithReference(password));
    }

    [Fact]
    public void Resource_names_are_unique_and_kebab_case()
    {
        _builder.AddProject<FakeProject>("api");

        Assert.Throws<InvalidOperationException>(() => _builder.AddProject<FakeProject>("api"));
        Assert.Throws<ArgumentException>(() => _builder.AddProject<FakeProject>("Api_Service"));
    }

    private static string Value(IReadOnlyList<KeyValuePair<string, string>> env, string name) =>
        Assert.Single(env, e => e.Key == name).Value;

    private sealed class FakeProject : IProjectMetadata
    {
        public string ProjectPath => "/src/Fake/Fake.csproj";

        public string AssemblyPath => "/src/Fake/bin/Fake.dll";
    }

    private sealed class FakeResolver(string? port = "4100") : IEnvironmentValueResolver
    {
        public string? HttpPort(ProjectResource project) => port;

        public string ConnectionString(IResourceWithConnectionString resource) => $"cs({resource.Name})";

        public IReadOnlyList<string> HttpUrls(ProjectResource project) =>
            [.. Enumerable.Range(0, project.Replicas).Select(i => $"http://{project.Name}-{i}")];

        public string ParameterValue(ParameterResource parameter) => $"value({parameter.Name})";
    }
}
