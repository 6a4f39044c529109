using Platform.AppHost;

namespace Platform.AppHost.Tests;

public sealed class AppHostOptionsTests
{
    private const string DefaultDataDirectory = "/repo/.platform";

    [Fact]
    public void No_arguments_run_on_the_default_data_folder_and_dashboard_port()
    {
        var options = AppHostOptions.Parse([], DefaultDataDirectory);

        Assert.Equal(DefaultDataDirectory, options.DataDirectory);
        Assert.False(options.Fresh);
        Assert.Equal(18888, options.DashboardPort);
        Assert.Null(options.Publisher);
        Assert.Null(options.OutputPath);
    }

    [Fact]
    public void Every_switch_is_read()
    {
        var options = AppHostOptions.Parse(["--data-dir", "/tmp/data", "--fresh", "--dashboard-port", "0"], DefaultDataDirectory);

        Assert.Equal("/tmp/data", options.DataDirectory);
        Assert.True(options.Fresh);
        Assert.Equal(0, options.DashboardPort);
    }

    [Fact]
    public void A_local_run_allows_loopback_upstreams_unless_told_otherwise()
    {
        Assert.Equal(["localhost", "127.0.0.0/8", "::1/128"], AppHostOptions.Parse([], DefaultDataDirectory).OutboundAllowList);
        Assert.Empty(AppHostOptions.Parse(["--outbound-allow", "none"], DefaultDataDirectory).OutboundAllowList);
        Assert.Equal(["127.0.0.1", "10.0.0.0/8"], AppHostOptions.Parse(["--outbound-allow", "127.0.0.1, 10.0.0.0/8"], DefaultDataDirectory).OutboundAllowList);
    }

    [Fact]
    public void Services_run_in_production_unless_a_development_run_says_otherwise()
    {
        Assert.Equal("Production", AppHostOptions.Parse([], DefaultDataDirectory).Environment);
        Assert.Equal("Development", AppHostOptions.Parse(["--environment", "Development"], DefaultDataDirectory).Environment);
        Assert.Throws<AppHostUsageException>(() => AppHostOptions.Parse(["--environment", "Dev; rm"], DefaultDataDirectory));
    }

    [Fact]
    public void Relative_paths_become_absolute()
    {
        var options = AppHostOptions.Parse(["--data-dir", "data", "--publisher", "manifest", "--output-path", "out/m.json"], DefaultDataDirectory);

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data"), options.DataDirectory);
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "out", "m.json"), options.OutputPath);
        Assert.Equal("manifest", options.Publisher);
    }

    [Theory]
    [InlineData("--dashboard-port", "port")]
    [InlineData("--dashboard-port", "-1")]
    [InlineData("--dashboard-port", "65536")]
    [InlineData("--outbound-allow", "10.0.0.0/40")]
    [InlineData("--outbound-allow", ",")]
    [InlineData("--unknown")]
    [InlineData("--data-dir")]
    [InlineData("--publisher", "manifest")]
    [InlineData("--publisher", "bicep", "--output-path", "m.json")]
    public void Bad_arguments_are_a_usage_error(params string[] args)
    {
        var error = Assert.Throws<AppHostUsageException>(() => AppHostOptions.Parse(args, DefaultDataDirectory));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void A_usage_error_names_the_known_switches()
    {
        var error = Assert.Throws<AppHostUsageException>(() => AppHostOptions.Parse(["--verbose"], DefaultDataDirectory));

        Assert.Contains("--verbose", error.Message);
        Assert.Contains("--data-dir", error.Message);
    }
}
