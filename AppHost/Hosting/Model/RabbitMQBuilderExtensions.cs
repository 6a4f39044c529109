namespace Platform.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>Adds a RabbitMQ broker with a generated password parameter named <c>{name}-password</c>.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name)
    {
        // The password goes into the amqp:// connection string unencoded, so it has no special characters.
        var password = builder.AddResource(new ParameterResource($"{name}-password", secret: true, special: false));
        return builder.AddResource(new RabbitMQServerResource(name, password.Resource));
    }
}
