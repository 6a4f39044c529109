namespace Platform.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>Adds a RabbitMQ broker with a generated password parameter named <c>{name}-password</c>.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", secret: true);
        return builder.AddResource(new RabbitMQServerResource(name, password.Resource));
    }
}
