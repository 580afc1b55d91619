using Northstar.Core.Model;

namespace Northstar.Server.Queries;

/// <summary>The semantic model this server answers with, loaded and validated at start-up.</summary>
/// <param name="Model">The model.</param>
/// <param name="Fingerprint">A hash of the model files: part of every cache key, so nodes running different models
/// never share answers.</param>
/// <param name="CompanyTimeZone">The company's time zone: "today" is its date.</param>
internal sealed record LoadedModel(SemanticModel Model, string Fingerprint, TimeZoneInfo CompanyTimeZone);
