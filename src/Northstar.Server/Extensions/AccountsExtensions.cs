using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Northstar.Server.Accounts;
using Northstar.Server.Startup;

namespace Northstar.Server.Extensions;

internal static class AccountsExtensions
{
    /// <summary>
    /// Accounts: options (<c>Northstar:Accounts</c>, validated at start-up), the stores, sign-in, the audit log, the
    /// "Northstar" authentication scheme (session cookie or bearer token), the policies, anti-forgery, and the creation
    /// of the first Super Admin at start-up (register after the migrations).
    /// </summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.AddAccountStores();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<SignIn>();
        builder.Services.AddSingleton<BranchDirectory>();
        builder.Services.AddAuthentication(NorthstarAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, NorthstarAuthentication>(NorthstarAuthentication.SchemeName, null);
        builder.Services.AddNorthstarAuthorization();
        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = SessionCookies.XsrfHeader;
            options.Cookie.Name = SessionCookies.AntiforgeryCookie;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHostedService<CreateInitialAdminOnStartup>();
        return builder;
    }

    /// <summary>The stores and rules of accounts without the web parts, for the command-line verbs too.</summary>
    public static IHostApplicationBuilder AddAccountStores(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>()
            .BindConfiguration(AccountsOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccountsOptions>, AccountsOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Passwords>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<CredentialRevocations>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<CallerResolver>();
        builder.Services.AddSingleton<ApiTokenStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<InitialAdmin>();
        builder.Services.AddSingleton<DemoUsers>();
        return builder;
    }

    /// <summary>
    /// Authentication, authorization and the anti-forgery check of cookie-signed unsafe requests; after the static
    /// files, which stay anonymous and do not cost a session lookup.
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<AntiforgeryCheck>();
        app.UseAuthorization();
        return app;
    }
}
