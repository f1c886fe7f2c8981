using System.Text.RegularExpressions;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>A custom pattern, compiled to run in linear time.</summary>
public sealed record CompiledPattern(string Name, Regex Regex);

/// <summary>
/// Finds personal data in text: e-mail addresses, phone numbers (international "+" / "00" form, or digit groups with
/// separators), card numbers (13-19 digits passing Luhn), IBANs (ISO 13616 mod-97 check) and the organization's
/// patterns. Every expression runs with <see cref="RegexOptions.NonBacktracking"/> (linear in the input, so a hostile
/// pattern cannot hang the gateway) and a match timeout on top. It answers the kind found, never the text.
/// </summary>
public static class PiiDetector
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Card = "card";
    public const string Iban = "iban";

    public static IReadOnlyList<string> BuiltIn { get; } = [Email, Phone, Card, Iban];

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
    private static readonly Regex EmailRegex = new(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", Linear | RegexOptions.IgnoreCase, MatchTimeout);
    private static readonly Regex InternationalPhone = new(@"(\+|\b00)[1-9][0-9 \-().]{6,20}[0-9]", Linear, MatchTimeout);
    // National forms: a trunk "0" or an area code in parentheses, then groups ("030 1234 5678", "(555) 123-4567"), or 3-3-4 with dashes.
    private static readonly Regex GroupedPhone = new(@"(\([0-9]{2,5}\) ?|\b0[0-9]{1,4}[ \-./])[0-9]{3,4}[ \-./]?[0-9]{3,5}\b|\b[2-9][0-9]{2}-[0-9]{3}-[0-9]{4}\b", Linear, MatchTimeout);
    private static readonly Regex CardRegex = new(@"\b[0-9]([ \-]?[0-9]){12,18}\b", Linear, MatchTimeout);
    private static readonly Regex IbanRegex = new(@"\b[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}\b", Linear | RegexOptions.IgnoreCase, MatchTimeout);

    /// <summary>Compiles an organization's pattern; throws <see cref="ArgumentException"/> or <see cref="NotSupportedException"/> (backreferences, lookarounds) when it cannot run in linear time.</summary>
    public static CompiledPattern Compile(PiiPattern pattern) => Compile(pattern, MatchTimeout);

    internal static CompiledPattern Compile(PiiPattern pattern, TimeSpan timeout) => new(pattern.Name, new Regex(pattern.Regex, Linear, timeout));

    /// <summary>The first kind of personal data in <paramref name="text"/> (a detector name or "pattern NAME"), or null.
    /// Throws <see cref="RegexMatchTimeoutException"/> when a pattern ran out of time.</summary>
    public static string? Find(string text, IReadOnlyCollection<string> detectors, IReadOnlyList<CompiledPattern> patterns)
    {
        if (detectors.Contains(Email) && EmailRegex.IsMatch(text))
        {
            return Email;
        }
        // A digit run inside something shaped like an IBAN is judged as an IBAN, not as a card number.
        var ibanShaped = IbanRegex.Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        bool Outside(Match m) => !ibanShaped.Any(s => m.Index < s.End && s.Index < m.Index + m.Length);
        if (detectors.Contains(Card) && CardRegex.Matches(text).Any(m => Outside(m) && Luhn(Digits(m.Value))))
        {
            return Card;
        }
        if (detectors.Contains(Iban) && ibanShaped.Count > 0 && IbanRegex.Matches(text).Any(m => IbanChecksum(m.Value.Replace(" ", "", StringComparison.Ordinal))))
        {
            return Iban;
        }
        if (detectors.Contains(Phone) && InternationalPhone.Matches(text).Concat(GroupedPhone.Matches(text)).Any(m => Outside(m) && Digits(m.Value).Length is >= 8 and <= 15))
        {
            return Phone;
        }
        foreach (var pattern in patterns)
        {
            if (pattern.Regex.IsMatch(text))
            {
                return "pattern " + pattern.Name;
            }
        }
        return null;
    }

    /// <summary>The Luhn (mod 10) check of a card number's digits, 13 to 19 of them.</summary>
    public static bool Luhn(string digits)
    {
        if (digits.Length is < 13 or > 19 || digits.Any(c => c is < '0' or > '9'))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to 10..35, and the number mod 97 is 1.</summary>
    public static bool IbanChecksum(string iban)
    {
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return false;
        }
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetter(c))
            {
                remainder = ((remainder * 100) + (char.ToUpperInvariant(c) - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }
        return remainder == 1;
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}
