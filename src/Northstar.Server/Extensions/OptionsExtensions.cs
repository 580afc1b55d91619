using Microsoft.Extensions.Options;
using Northstar.Server.Options;

namespace Northstar.Server.Extensions;

internal static class OptionsExtensions
{
    /// <summary>Binds <see cref="NorthstarOptions"/> from the "Northstar" section and validates it when the host starts.</summary>
    public static IHostApplicationBuilder AddNorthstarOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NorthstarOptions>()
            .BindConfiguration(NorthstarOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NorthstarOptions>, NorthstarOptionsValidator>();
        return builder;
    }
}
