namespace Platform.OAuth;

/// <summary>Started authorizations by <c>state</c>. <see cref="TakeAsync"/> removes, so a state works once.</summary>
public interface IAuthorizationStateStore
{
    Task SaveAsync(PendingAuthorization pending, CancellationToken cancellationToken);

    Task<PendingAuthorization?> TakeAsync(string state, CancellationToken cancellationToken);
}
