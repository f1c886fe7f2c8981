using NutPortal.Core.Networks;
using NutPortal.Web.Components.Networks;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Tests.Components;

public sealed class ServerFieldErrorsTests
{
    [Fact]
    public void A_service_error_stays_at_its_field_until_the_value_changes_and_one_naming_no_field_is_left_for_the_alert()
    {
        var form = new NetworkForm { Name = "taken", NodeCount = 3 };
        var errors = new ServerFieldErrors(form, NetworkForm.Fields);

        errors.Set([new ProfileError("name", "A network named 'taken' already exists."), new ProfileError("accounts.count", "Too many."), new ProfileError("genesis", "Bad genesis.")]);

        Assert.Equal(["A network named 'taken' already exists."], errors.For(nameof(NetworkForm.Name)));
        Assert.Equal(["genesis"], errors.Unplaced().Select(e => e.Field));
        // A field the form hides for this platform cannot carry its error either.
        Assert.Equal(["genesis", "accounts.count"], errors.Unplaced(p => p != nameof(NetworkForm.AccountCount)).Select(e => e.Field));

        form.Name = "fresh";
        Assert.Empty(errors.For(nameof(NetworkForm.Name)));
        form.Name = "taken";  // the value the service refused: its message is back
        Assert.Single(errors.For(nameof(NetworkForm.Name)));
        errors.Set([]);
        Assert.Empty(errors.For(nameof(NetworkForm.Name)));
        Assert.Empty(errors.Unplaced());
    }
}
