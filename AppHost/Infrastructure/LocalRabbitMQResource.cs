using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// A RabbitMQ node from the Debian package, run by Aspire as an executable: DCP picks the AMQP port and hands it over
/// in <c>RABBITMQ_NODE_PORT</c>; the node's database and logs live in the data folder.
/// </summary>
public sealed class LocalRabbitMQResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string UserName = "platform";

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}
