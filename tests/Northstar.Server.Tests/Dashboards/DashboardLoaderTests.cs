using Northstar.Server.Dashboards;

namespace Northstar.Server.Tests.Dashboards;

/// <summary>What the loader refuses in a dashboard file, each problem named by file and path (YAML written here).</summary>
public sealed class DashboardLoaderTests
{
    private const string Tile = """
          - id: revenue
            title: Revenue
            viz: kpi
            position: { x: 0, y: 0, w: 3, h: 2 }
            spec: { metrics: [revenue] }
        """;

    [Fact]
    public void A_valid_dashboard_loads_with_its_tiles_specs_and_exports()
    {
        using var folder = new DashboardFolder().With("sales", """
            title: Sales
            description: The shop.
            order: 2
            export: { metrics: [revenue, units], dimensions: [product], time: { grain: day } }
            tiles:
              - id: revenue
                title: Revenue
                viz: kpi
                position: { x: 0, y: 0, w: 6, h: 2 }
                spec: { metrics: [revenue], compare: previous_period, limit: 10, time: { range: { preset: last_7_days } } }
                options: { caption: vs before, bars: [revenue], rank: true }
              - id: by_branch
                title: By branch
                viz: table
                position: { x: 6, y: 0, w: 6, h: 2 }
                spec: { metrics: [revenue], dimensions: [location], order: [ { member: revenue, desc: true } ] }
                export: { metrics: [orders], dimensions: [location] }
            """).With("a_first", """
            title: First
            order: 1
            tiles:
            """ + "\n" + Tile);

        var loaded = folder.Load();

        Assert.Equal(["a_first", "sales"], loaded.All.Select(dashboard => dashboard.Response.Id));
        var sales = loaded.Find("sales")!.Response;
        Assert.Equal(("Sales", "The shop.", 2), (sales.Title, sales.Description, sales.Order));
        var (revenue, byBranch) = (sales.Tiles[0], sales.Tiles[1]);
        Assert.Equal(new TilePosition(0, 0, 6, 2), revenue.Position);
        Assert.Equal("""{"metrics":["revenue"],"compare":"previous_period","limit":10,"time":{"range":{"preset":"last_7_days"}}}""",
            revenue.Spec.GetRawText());
        Assert.Equal("""{"caption":"vs before","bars":["revenue"],"rank":true}""", revenue.Options.GetRawText());
        // No export of its own: the dashboard's.
        Assert.Equal("""{"metrics":["revenue","units"],"dimensions":["product"],"time":{"grain":"day"}}""", revenue.Export.GetRawText());
        Assert.Equal("""{"metrics":["orders"],"dimensions":["location"]}""", byBranch.Export.GetRawText());
        Assert.Equal("{}", byBranch.Options.GetRawText());
        // Neither its own nor the dashboard's: the tile's spec.
        Assert.Equal("""{"metrics":["revenue"]}""", loaded.Find("a_first")!.Response.Tiles[0].Export.GetRawText());
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_file_and_path()
    {
        using var folder = new DashboardFolder().With("sales", """
            title: Sales
            colour: blue
            tiles:
              - id: revenue
                title: Revenue
                viz: kpi
                size: large
                position: { x: 0, y: 0, w: 3, h: 2, z: 1 }
                spec: { metrics: [revenue] }
            """);

        Assert.Equal(
        [
            "dashboards/sales.yaml: colour: Unknown key 'colour'; a dashboard has title, description, order, live_interval_seconds, branch_filter, export, tiles.",
            "dashboards/sales.yaml: tiles[0].size: Unknown key 'size'; a tile has id, title, description, viz, position, spec, export, options.",
            "dashboards/sales.yaml: tiles[0].position.z: Unknown key 'z'; a position has x, y, w, h.",
        ], folder.Problems());
    }

    [Fact]
    public void A_missing_title_is_named_for_the_dashboard_and_for_a_tile()
    {
        using var folder = new DashboardFolder().With("sales", """
            description: No title.
            tiles:
              - id: revenue
                viz: kpi
                position: { x: 0, y: 0, w: 3, h: 2 }
                spec: { metrics: [revenue] }
            """);

        Assert.Equal(
        [
            "dashboards/sales.yaml: title: The title is required.",
            "dashboards/sales.yaml: tiles[0].title: The title is required.",
        ], folder.Problems());
    }

    [Fact]
    public void Missing_or_empty_tiles_are_named()
    {
        using var folder = new DashboardFolder().With("none", "title: None\n").With("empty", "title: Empty\ntiles: []\n");

        Assert.Equal(
        [
            "dashboards/empty.yaml: tiles: A dashboard needs tiles: a list of at least one tile.",
            "dashboards/none.yaml: tiles: A dashboard needs tiles: a list of at least one tile.",
        ], folder.Problems());
    }

    [Fact]
    public void The_live_interval_is_five_seconds_unless_the_file_sets_one_between_a_second_and_an_hour()
    {
        using var valid = new DashboardFolder()
            .With("plain", "title: Plain\ntiles:\n" + Tile)
            .With("fast", "title: Fast\nlive_interval_seconds: 1\ntiles:\n" + Tile);
        using var invalid = new DashboardFolder().With("sales", "title: Sales\nlive_interval_seconds: 0\ntiles:\n" + Tile);

        var loaded = valid.Load();

        Assert.Equal([1, 5], loaded.All.OrderBy(dashboard => dashboard.Response.Id, StringComparer.Ordinal).Select(dashboard => dashboard.Response.LiveIntervalSeconds));
        Assert.Equal(
            ["dashboards/sales.yaml: live_interval_seconds: The interval must be between 1 and 3,600 seconds (it is 0)."],
            invalid.Problems());
    }

    [Fact]
    public void A_dashboard_without_the_branch_filter_may_show_subjects_that_have_no_branch()
    {
        const string Requests = "  - id: requests\n    title: Requests\n    viz: kpi\n    position: { x: 0, y: 0, w: 3, h: 2 }\n    spec: { metrics: [requests] }\n";
        using var without = new DashboardFolder().With("technology", "title: Technology\nbranch_filter: false\ntiles:\n" + Requests);
        using var with = new DashboardFolder().With("technology", "title: Technology\ntiles:\n" + Requests);
        using var wrong = new DashboardFolder().With("technology", "title: Technology\nbranch_filter: maybe\ntiles:\n" + Requests);

        Assert.False(without.Load().All.Single().Response.BranchFilter);
        Assert.StartsWith("dashboards/technology.yaml: tiles[0].spec: The dashboard's branch filter (location_id) cannot apply", with.Problems().Single(), StringComparison.Ordinal);
        Assert.Contains("dashboards/technology.yaml: branch_filter: The branch_filter must be true or false.", wrong.Problems());
    }

    [Fact]
    public void A_duplicate_tile_id_is_named_with_the_tile_using_it_first()
    {
        using var folder = new DashboardFolder().With("sales", "title: Sales\ntiles:\n" + Tile + "\n" + Tile.Replace("x: 0", "x: 3", StringComparison.Ordinal));

        Assert.Equal(
            ["dashboards/sales.yaml: tiles[1].id: The id 'revenue' is used by tiles[0] already; tile ids are unique in a dashboard."],
            folder.Problems());
    }

    [Fact]
    public void An_unknown_viz_is_named_with_the_known_ones()
    {
        using var folder = new DashboardFolder().With("sales", "title: Sales\ntiles:\n" + Tile.Replace("viz: kpi", "viz: donut", StringComparison.Ordinal));

        Assert.Equal(
            ["dashboards/sales.yaml: tiles[0].viz: 'donut' is not a visualization; use one of kpi, bar, hbar, bar_line, pie, heatmap, histogram, funnel, table, map."],
            folder.Problems());
    }

    [Fact]
    public void A_position_outside_the_12_column_grid_is_named()
    {
        using var folder = new DashboardFolder().With("sales", """
            title: Sales
            tiles:
              - { id: wide, title: Wide, viz: kpi, position: { x: 6, y: 0, w: 7, h: 2 }, spec: { metrics: [revenue] } }
              - { id: left, title: Left, viz: kpi, position: { x: -1, y: -2, w: 0, h: 0 }, spec: { metrics: [revenue] } }
              - { id: right, title: Right, viz: kpi, position: { x: 12, y: 0, w: 1, h: 1 }, spec: { metrics: [revenue] } }
              - { id: half, title: Half, viz: kpi, position: { x: 0, y: 0, w: 1.5, h: 1 }, spec: { metrics: [revenue] } }
            """);

        Assert.Equal(
        [
            "dashboards/sales.yaml: tiles[0].position.w: The width w must be at least 1 and x + w at most 12 (x 6 + w 7 = 13).",
            "dashboards/sales.yaml: tiles[1].position.x: The column x must be 0 to 11 (it is -1).",
            "dashboards/sales.yaml: tiles[1].position.y: The row y must be 0 or more (it is -2).",
            "dashboards/sales.yaml: tiles[1].position.w: The width w must be at least 1 and x + w at most 12 (x -1 + w 0 = -1).",
            "dashboards/sales.yaml: tiles[1].position.h: The height h must be at least 1 (it is 0).",
            "dashboards/sales.yaml: tiles[2].position.x: The column x must be 0 to 11 (it is 12).",
            "dashboards/sales.yaml: tiles[2].position.w: The width w must be at least 1 and x + w at most 12 (x 12 + w 1 = 13).",
            "dashboards/sales.yaml: tiles[3].position.w: The w must be a whole number.",
        ], folder.Problems());
    }

    [Fact]
    public void Overlapping_tiles_are_named_but_tiles_that_only_touch_are_not()
    {
        using var folder = new DashboardFolder().With("sales", """
            title: Sales
            tiles:
              - { id: a, title: A, viz: kpi, position: { x: 0, y: 0, w: 6, h: 2 }, spec: { metrics: [revenue] } }
              - { id: b, title: B, viz: kpi, position: { x: 6, y: 0, w: 6, h: 2 }, spec: { metrics: [revenue] } }
              - { id: c, title: C, viz: kpi, position: { x: 0, y: 2, w: 12, h: 2 }, spec: { metrics: [revenue] } }
              - { id: d, title: D, viz: kpi, position: { x: 5, y: 1, w: 2, h: 2 }, spec: { metrics: [revenue] } }
            """);

        Assert.Equal(
        [
            "dashboards/sales.yaml: tiles[3].position: 'd' overlaps tiles[0] ('a') on the grid.",
            "dashboards/sales.yaml: tiles[3].position: 'd' overlaps tiles[1] ('b') on the grid.",
            "dashboards/sales.yaml: tiles[3].position: 'd' overlaps tiles[2] ('c') on the grid.",
        ], folder.Problems());
    }

    [Fact]
    public void A_spec_the_compiler_refuses_is_named_by_the_path_of_the_field_in_the_file()
    {
        using var folder = new DashboardFolder().With("sales", """
            title: Sales
            tiles:
              - id: revenue
                title: Revenue
                viz: kpi
                position: { x: 0, y: 0, w: 3, h: 2 }
                spec: { metrics: [revenue, revnue] }
              - id: by_colour
                title: By colour
                viz: bar
                position: { x: 3, y: 0, w: 3, h: 2 }
                spec: { metrics: [revenue], dimensions: [colour] }
            """);

        var problems = folder.Problems();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("dashboards/sales.yaml: tiles[0].spec.metrics[1]: ", problems[0], StringComparison.Ordinal);
        Assert.Contains("revnue", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("dashboards/sales.yaml: tiles[1].spec.dimensions[0]: ", problems[1], StringComparison.Ordinal);
        Assert.Contains("colour", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_with_a_key_a_query_spec_does_not_have_or_a_wrong_type_is_named()
    {
        using var folder = new DashboardFolder().With("sales", """
            title: Sales
            tiles:
              - { id: a, title: A, viz: kpi, position: { x: 0, y: 0, w: 3, h: 2 }, spec: { metric: [revenue] } }
              - { id: b, title: B, viz: kpi, position: { x: 3, y: 0, w: 3, h: 2 }, spec: { metrics: revenue } }
              - { id: c, title: C, viz: kpi, position: { x: 6, y: 0, w: 3, h: 2 }, spec: [revenue] }
            """);

        Assert.Equal(
        [
            "dashboards/sales.yaml: tiles[2].spec: A query spec is a mapping (metrics, dimensions, time, filters, ...).",
            "dashboards/sales.yaml: tiles[0].spec.metric: This key is not a member of a query spec here (docs/query-api.md lists them).",
            "dashboards/sales.yaml: tiles[1].spec.metrics: The value has the wrong type for this member of a query spec (docs/query-api.md).",
        ], folder.Problems());
    }

    [Fact]
    public void An_export_the_compiler_refuses_is_named_for_the_tile_and_for_the_dashboard()
    {
        using var folder = new DashboardFolder().With("sales", """
            title: Sales
            export: { metrics: [revenue], time: { grain: fortnight } }
            tiles:
              - id: revenue
                title: Revenue
                viz: kpi
                position: { x: 0, y: 0, w: 3, h: 2 }
                spec: { metrics: [revenue] }
                export: { metrics: [revenue], limit: 0 }
            """);

        var problems = folder.Problems();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("dashboards/sales.yaml: export.time.grain: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("dashboards/sales.yaml: tiles[0].export.limit: ", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_yaml_or_has_a_bad_name_is_named()
    {
        using var folder = new DashboardFolder().With("broken", "title: [unclosed\n").With("Sales Report", "title: Sales\ntiles:\n" + Tile);

        var problems = folder.Problems();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("dashboards/Sales Report.yaml: The file name is the dashboard's id", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("dashboards/broken.yaml: not valid YAML at line ", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_every_file_is_listed_in_one_message()
    {
        using var folder = new DashboardFolder()
            .With("a", "title: A\ntiles:\n" + Tile.Replace("viz: kpi", "viz: donut", StringComparison.Ordinal))
            .With("b", "tiles:\n" + Tile.Replace("[revenue]", "[revnue]", StringComparison.Ordinal));

        var failure = Assert.Throws<DashboardLoadException>(folder.Load);

        Assert.Equal(3, failure.Problems.Count);
        Assert.StartsWith("The dashboards are invalid (3 problem(s)):", failure.Message, StringComparison.Ordinal);
        Assert.All(failure.Problems, problem => Assert.Contains(problem, failure.Message, StringComparison.Ordinal));
        Assert.Contains("dashboards/a.yaml: tiles[0].viz: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("dashboards/b.yaml: title: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("dashboards/b.yaml: tiles[0].spec.metrics[0]: ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_is_checked_as_the_ui_sends_it_with_the_dashboards_range_and_branch_filter()
    {
        // A comparison needs a bounded range: the dashboard's range gives it one. Marketing spend by channel takes the
        // branch filter; a spec the branch filter cannot apply to is named.
        using var valid = new DashboardFolder().With("sales", """
            title: Sales
            tiles:
              - { id: a, title: A, viz: kpi, position: { x: 0, y: 0, w: 3, h: 2 }, spec: { metrics: [revenue], compare: previous_period } }
              - { id: b, title: B, viz: kpi, position: { x: 3, y: 0, w: 3, h: 2 }, spec: { metrics: [marketing_spend], dimensions: [channel] } }
            """);
        using var allTime = new DashboardFolder().With("sales", """
            title: Sales
            tiles:
              - id: a
                title: A
                viz: kpi
                position: { x: 0, y: 0, w: 3, h: 2 }
                spec: { metrics: [revenue], compare: previous_period, time: { range: { preset: all_time } } }
            """);

        var tile = valid.Load().Find("sales")!;
        var problems = allTime.Problems();

        Assert.Equal("last_30_days", tile.Queries[0].Spec.Time!.Range!.Preset);
        Assert.Equal("""{"metrics":["revenue"],"compare":"previous_period"}""", tile.Response.Tiles[0].Spec.GetRawText());
        Assert.StartsWith("dashboards/sales.yaml: tiles[0].spec.compare: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        using var folder = new DashboardFolder();
        var missing = Path.Combine(folder.Path, "not-here");

        var failure = Assert.Throws<DashboardLoadException>(() => DashboardFolder.Load(missing));

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_dashboards_load()
    {
        var loaded = DashboardFolder.Load(DashboardFolder.Shipped);

        Assert.Equal(["executive", "sales", "technology"], loaded.All.Select(dashboard => dashboard.Response.Id));
        Assert.All(loaded.All, dashboard => Assert.True(dashboard.Response.Tiles.Count >= 7, $"{dashboard.Response.Id} has few tiles"));
    }
}
