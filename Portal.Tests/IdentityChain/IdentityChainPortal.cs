using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NutPortal.Core.IdentityChain;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.IdentityChain;

/// <summary>A portal whose identity-challenge clock a test can move forward (expiry without sleeping); everything else is real.</summary>
public sealed class IdentityChainPortal : PortalFactory
{
    public IdentityChainPortal()
    {
        ConfigureServices = services => services.Replace(ServiceDescriptor.Singleton<IdentityChainClock>(Clock));
    }

    public MovableClock Clock { get; } = new();

    public sealed class MovableClock() : IdentityChainClock(TimeProvider.System)
    {
        public TimeSpan Offset { get; set; }

        public override DateTime Now => base.Now + Offset;
    }
}
