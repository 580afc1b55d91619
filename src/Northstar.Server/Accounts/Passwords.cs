using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Northstar.Server.Accounts;

/// <summary>
/// Password hashing with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, its current format), the rules a
/// new password must meet, and generated passwords. An unknown email is verified against a dummy hash so that it costs
/// as much as a wrong password: the time of a failed sign-in does not tell whether the account exists.
/// </summary>
internal sealed class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    // The hasher does not use the user; the email is passed for form's sake.
    private readonly PasswordHasher<string> _hasher = new();
    private readonly string _dummyHash;

    public Passwords() => _dummyHash = _hasher.HashPassword("", Generate());

    public string Hash(string email, string password) => _hasher.HashPassword(email, password);

    /// <summary>Whether <paramref name="password"/> matches; <paramref name="rehash"/> when the stored format is outdated.</summary>
    public bool Verify(string email, string? hash, string password, out bool rehash)
    {
        var result = _hasher.VerifyHashedPassword(email, hash ?? _dummyHash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return hash is not null && result != PasswordVerificationResult.Failed;
    }

    /// <summary>Spends the time of a verification, for an email that has no account.</summary>
    public void VerifyDummy(string password) => _hasher.VerifyHashedPassword("", _dummyHash, password);

    /// <summary>Why a new password is refused; null when it is acceptable.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or { Length: < MinLength } => $"A password must be at least {MinLength} characters long.",
        { Length: > MaxLength } => $"A password must be at most {MaxLength} characters long.",
        _ => null,
    };

    /// <summary>A random password of 24 URL-safe characters (144 bits), shown once to whoever asked for it.</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
}
