namespace Northstar.Core.Model.Loading;

/// <summary>
/// The declarations of all model files, collected file by file, then checked across files (unique names, metric
/// references and cycles, rollups, the company's time zone) and assembled into the <see cref="SemanticModel"/>.
/// </summary>
internal sealed class ModelDeclarations(List<ModelError> errors)
{
    private static readonly string[] CompanyKeys = ["time_zone", "currency"];

    private readonly List<string> _files = [];
    private bool _someFileUnreadable;
    private readonly List<ModelNode> _companies = [];
    private readonly Dictionary<string, ModelNode> _subjectNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Subject> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeclaredMetric> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelNode> _rollups = new(StringComparer.Ordinal);

    public void AddFile(string path) => _files.Add(path);

    /// <summary>A file is not valid YAML (reported): what it declares is unknown, so nothing is reported missing.</summary>
    public void AddUnreadableFile() => _someFileUnreadable = true;

    public void AddCompany(ModelNode node) => _companies.Add(node);

    public void AddSubject(string name, ModelNode node, Subject? subject)
    {
        if (_subjectNodes.TryGetValue(name, out var first))
        {
            node.Error($"subject '{name}' is already declared at {first.Source}");
            return;
        }

        _subjectNodes[name] = node;
        if (subject is not null)
        {
            _subjects[name] = subject;
        }
    }

    public void AddMetric(DeclaredMetric metric)
    {
        if (_metrics.TryGetValue(metric.Name, out var first))
        {
            metric.Node.Error(
                $"metric '{metric.Name}' is already declared at {first.Node.Source} (metric names are unique across the model)");
            return;
        }

        _metrics[metric.Name] = metric;
    }

    public void AddRollup(string name, ModelNode node)
    {
        if (_rollups.TryGetValue(name, out var first))
        {
            node.Error($"rollup '{name}' is already declared at {first.Source}");
            return;
        }

        _rollups[name] = node;
    }

    /// <summary>Runs the checks across files and assembles the model; null when a problem was found.</summary>
    public SemanticModel? Complete()
    {
        var company = ReadCompany();
        var timeZone = ReadCompanyTimeZone(company);
        var currency = ReadCompanyCurrency(company);
        CheckNamesAreDistinct();
        CheckConformedDimensions();
        MetricGraph.Check(_metrics);
        var rollups = _rollups.Select(r => RollupReader.Read(r.Key, r.Value, _subjects, _metrics)).ToList();

        if (errors.Count > 0 || timeZone is null)
        {
            return null;
        }

        var model = new SemanticModel(
            _subjects,
            _metrics.Values.ToDictionary(m => m.Name, m => m.Metric!, StringComparer.Ordinal),
            [.. rollups.OfType<Rollup>()],
            timeZone);
        return currency is null ? model : model with { Currency = currency };
    }

    // Optional: USD when not given.
    private static string? ReadCompanyCurrency(ModelMap? company)
    {
        if (company?.Optional("currency") is not { } node)
        {
            return null;
        }

        var code = node.Text();
        if (code is { Length: 3 } && code.All(char.IsAsciiLetterUpper))
        {
            return code;
        }

        node.Error($"'{code}' is not a currency code: use three capital letters of ISO 4217 (USD, EUR, GBP...)");
        return null;
    }

    /// <summary>The company declaration (one, in one file); null, reported, when missing or not a mapping.</summary>
    private ModelMap? ReadCompany()
    {
        if (_companies.Count == 0 && _someFileUnreadable)
        {
            return null;
        }

        if (_companies.Count == 0)
        {
            errors.Add(new ModelError(_files.FirstOrDefault() ?? "model", 1, "company",
                "no model file declares the company: add 'company: { time_zone: <IANA zone> }' to one of them"));
            return null;
        }

        foreach (var extra in _companies.Skip(1))
        {
            extra.Error($"the company is already declared at {_companies[0].Source}; declare it once, in one file");
        }

        return _companies[0].Map(CompanyKeys);
    }

    private string? ReadCompanyTimeZone(ModelMap? company)
    {
        if (company is null)
        {
            return null;
        }

        var zoneNode = company.Required("time_zone");
        var zone = zoneNode?.Text();
        if (zone is null)
        {
            return null;
        }

        try
        {
            if (TimeZoneInfo.FindSystemTimeZoneById(zone).HasIanaId)
            {
                return zone;
            }
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Reported below, like a Windows zone name.
        }

        zoneNode!.Error($"'{zone}' is not an IANA time zone (such as America/Chicago or Europe/Paris)");
        return null;
    }

    /// <summary>
    /// A filter or a sort key names a metric or a dimension by name alone, so no metric may share its name with a
    /// dimension or time dimension of any subject.
    /// </summary>
    private void CheckNamesAreDistinct()
    {
        foreach (var metric in _metrics.Values)
        {
            var subject = _subjects.Values.FirstOrDefault(s =>
                s.Dimensions.ContainsKey(metric.Name) || s.TimeDimensions.ContainsKey(metric.Name));
            if (subject is not null)
            {
                metric.Node.Error($"'{metric.Name}' is also a dimension of subject '{subject.Name}'; "
                    + "metric and dimension names must differ (filters and sort keys name either)");
            }
        }
    }

    /// <summary>A dimension name means one thing in every subject (conformed), so it has one type everywhere.</summary>
    private void CheckConformedDimensions()
    {
        var first = new Dictionary<string, (Subject Subject, Dimension Dimension)>(StringComparer.Ordinal);
        foreach (var subject in _subjects.Values)
        {
            foreach (var dimension in subject.Dimensions.Values)
            {
                if (!first.TryGetValue(dimension.Name, out var seen))
                {
                    first[dimension.Name] = (subject, dimension);
                }
                else if (seen.Dimension.Type != dimension.Type)
                {
                    errors.Add(new ModelError(subject.Source.File, subject.Source.Line,
                        $"subjects.{subject.Name}.dimensions.{dimension.Name}",
                        $"dimension '{dimension.Name}' is {Name(dimension.Type)} here but {Name(seen.Dimension.Type)} in subject "
                        + $"'{seen.Subject.Name}'; a dimension name means the same thing in every subject"));
                }
            }
        }
    }

    private static string Name(DataType type) => type.ToString().ToLowerInvariant();
}
