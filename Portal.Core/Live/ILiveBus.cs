namespace NutPortal.Core.Live;

/// <summary>Carries events published on this replica to the others.</summary>
internal interface ILiveBus
{
    /// <summary>Sends the event if its type crosses replicas; never blocks or fails the publisher.</summary>
    void Forward(Type eventType, object liveEvent);
}

/// <summary>An event type that crosses replicas on the bus (registered by the project that defines it).</summary>
public sealed record LiveEventRegistration(Type EventType);
