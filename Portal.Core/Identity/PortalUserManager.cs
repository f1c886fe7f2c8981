using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Live;

namespace NutPortal.Core.Identity;

/// <summary>
/// Identity's user manager that announces every saved change of a user (roles, lock-out after failed sign-ins,
/// unlock, password, deletion): every change goes through <see cref="UpdateUserAsync"/> or
/// <see cref="DeleteAsync"/>, so caches of authenticated principals (<see cref="UserSecurityChanged"/>) never miss one.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private readonly LiveNotifier _notifier = services.GetRequiredService<LiveNotifier>();

    protected override async Task<IdentityResult> UpdateUserAsync(PortalUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded)
        {
            await _notifier.PublishAsync(new UserSecurityChanged(user.Id));
        }
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(PortalUser user)
    {
        var result = await base.DeleteAsync(user);
        if (result.Succeeded)
        {
            await _notifier.PublishAsync(new UserSecurityChanged(user.Id));
        }
        return result;
    }
}
