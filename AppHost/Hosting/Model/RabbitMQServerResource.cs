namespace Platform.Hosting;

/// <summary>A RabbitMQ broker: a container in the manifest, a private child process when run locally.</summary>
public sealed class RabbitMQServerResource(string name, ParameterResource password) : Resource(name), IResourceWithConnectionString
{
    /// <summary>Never "guest": the broker's only user is this one, with a generated password.</summary>
    public const string UserName = "platform";

    public ParameterResource Password { get; } = password;

    public string ConnectionStringExpression =>
        $"amqp://{UserName}:{{{Password.Name}.value}}@{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}}";
}
