using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo.Internal;

/// <summary>One sellable product with what the generator needs beyond its wire record.</summary>
internal sealed record CatalogProduct(ProductEvent Event, int Category, decimal Price, int MaxQuantity);

/// <summary>Evergreen's showroom catalog: eight categories, two brands of each item, popularity skewed within a category.</summary>
internal sealed class Catalog
{
    private sealed record CategorySpec(
        string Name, double Weight, double Margin, int MaxQuantity, (string Item, string Sub, decimal Price)[] Items);

    private static readonly CategorySpec[] Specs =
    [
        new("Paint", 1.3, 0.58, 4,
        [
            ("Interior Eggshell Paint 1 gal", "Interior", 38.98m), ("Exterior Satin Paint 1 gal", "Exterior", 46.98m),
            ("Primer 1 gal", "Primer", 24.98m), ("Ceiling Flat Paint 1 gal", "Interior", 29.98m),
            ("Deck Stain 1 gal", "Stain", 42.98m), ("Spray Paint 12 oz", "Spray", 6.48m), ("Roller Kit 9 in", "Supplies", 14.97m),
            ("Painter's Tape 2 in", "Supplies", 7.98m), ("Canvas Drop Cloth 9x12", "Supplies", 19.98m),
            ("Brush Set 3 pc", "Supplies", 16.97m),
        ]),
        new("Tools", 1.0, 0.66, 1,
        [
            ("Cordless Drill 20V", "Power Tools", 129.00m), ("Impact Driver 20V", "Power Tools", 149.00m),
            ("Circular Saw 7-1/4 in", "Power Tools", 119.00m), ("Claw Hammer 16 oz", "Hand Tools", 19.97m),
            ("Tape Measure 25 ft", "Hand Tools", 14.98m), ("Box Level 48 in", "Hand Tools", 39.97m),
            ("Socket Set 40 pc", "Hand Tools", 49.98m), ("Utility Knife", "Hand Tools", 9.97m),
            ("Random Orbit Sander", "Power Tools", 79.00m), ("Wet/Dry Shop Vacuum 6 gal", "Power Tools", 89.00m),
        ]),
        new("Flooring", 0.6, 0.62, 12,
        [
            ("Vinyl Plank Flooring (case)", "Vinyl", 54.98m), ("Laminate Oak Flooring (case)", "Laminate", 42.98m),
            ("Ceramic Tile 12x12 (case)", "Tile", 27.98m), ("Carpet Tile (box)", "Carpet", 64.98m),
            ("Foam Underlayment Roll", "Underlayment", 32.98m), ("Sanded Grout 10 lb", "Tile", 17.98m),
            ("Tile Adhesive 1 gal", "Tile", 21.98m), ("Transition Strip 36 in", "Trim", 18.97m),
        ]),
        new("Lumber", 1.1, 0.72, 20,
        [
            ("Stud 2x4x8", "Dimensional", 4.28m), ("Board 2x6x10", "Dimensional", 9.87m), ("Plywood 4x8 1/2 in", "Sheet Goods", 42.98m),
            ("OSB 4x8 7/16 in", "Sheet Goods", 17.95m), ("Cedar Fence Picket 6 ft", "Fencing", 3.48m),
            ("Treated Post 4x4x8", "Outdoor", 12.47m), ("Drywall 4x8 1/2 in", "Drywall", 15.98m), ("Trim Moulding 8 ft", "Trim", 11.48m),
        ]),
        new("Plumbing", 0.8, 0.60, 3,
        [
            ("Kitchen Faucet Pull-Down", "Faucets", 159.00m), ("Toilet Flapper", "Repair", 6.97m), ("PEX Pipe 1/2 in 10 ft", "Pipe", 8.98m),
            ("Quarter-Turn Shutoff Valve", "Valves", 12.98m), ("Water Heater 40 gal", "Water Heaters", 649.00m),
            ("Sink Drain Kit", "Repair", 14.98m), ("Flange Plunger", "Repair", 11.97m), ("Rain Shower Head", "Bath", 49.98m),
        ]),
        new("Electrical", 0.9, 0.61, 4,
        [
            ("LED Bulb 60W (4 pk)", "Lighting", 9.97m), ("Tamper-Resistant Outlet (10 pk)", "Wiring Devices", 18.98m),
            ("Decorator Light Switch", "Wiring Devices", 4.98m), ("Extension Cord 25 ft", "Cords", 21.97m),
            ("Ceiling Fan 52 in", "Fans", 189.00m), ("Romex 14/2 Wire 50 ft", "Wire", 47.98m),
            ("Circuit Breaker 20A", "Panels", 11.98m), ("Smart Thermostat", "Climate", 179.00m),
        ]),
        new("Garden", 1.0, 0.55, 6,
        [
            ("Potting Soil 2 cu ft", "Soil", 12.97m), ("Hardwood Mulch Bag", "Soil", 4.47m), ("Garden Hose 50 ft", "Watering", 34.98m),
            ("Lawn Fertilizer 15 lb", "Lawn Care", 29.97m), ("Grass Seed 7 lb", "Lawn Care", 39.98m),
            ("Bypass Pruning Shears", "Tools", 18.98m), ("Steel Wheelbarrow", "Tools", 119.00m),
            ("Perennial Flowers 1 gal", "Plants", 9.98m), ("Push Lawn Mower 21 in", "Power Equipment", 329.00m),
        ]),
        new("Hardware", 1.4, 0.52, 10,
        [
            ("Wood Screws 1 lb", "Fasteners", 9.48m), ("Drywall Anchors (50 pk)", "Fasteners", 7.97m),
            ("Door Hinge (2 pk)", "Door Hardware", 8.48m), ("Single-Cylinder Deadbolt", "Locks", 34.98m),
            ("Cabinet Pull", "Cabinet Hardware", 3.98m), ("Common Nails 5 lb", "Fasteners", 14.97m),
            ("Laminated Padlock", "Locks", 12.98m), ("Shelf Bracket 8 in", "Shelving", 4.27m),
        ]),
    ];

    private static readonly (string Name, decimal PriceFactor)[] Brands = [("Evergreen", 1.00m), ("Summit Pro", 1.30m)];

    public Catalog(int seed, DateOnly firstDay)
    {
        var random = DemoRandom.For(seed, DemoStream.Catalog);
        var updatedAt = new DateTimeOffset(firstDay.AddDays(-30).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        var products = new List<CatalogProduct>();
        var byCategory = new List<CatalogProduct>[Specs.Length];
        for (var c = 0; c < Specs.Length; c++)
        {
            var spec = Specs[c];
            byCategory[c] = [];
            foreach (var (item, sub, basePrice) in spec.Items)
            {
                foreach (var (brand, factor) in Brands)
                {
                    var number = products.Count + 1;
                    var price = Math.Round(basePrice * factor, 2, MidpointRounding.AwayFromZero);
                    var margin = spec.Margin + ((random.NextDouble() - 0.5) * 0.08);
                    var cost = Math.Round(price * (decimal)margin, 2, MidpointRounding.AwayFromZero);
                    var id = string.Create(CultureInfo.InvariantCulture, $"prd_{number:D4}");
                    var sku = string.Create(CultureInfo.InvariantCulture, $"EV-{spec.Name[..3].ToUpperInvariant()}-{number:D4}");
                    var product = new CatalogProduct(
                        new ProductEvent(id, updatedAt, $"{brand} {item}", spec.Name, sub, sku, price, cost),
                        c,
                        price,
                        spec.MaxQuantity);
                    products.Add(product);
                    byCategory[c].Add(product);
                }
            }
        }

        Products = products;
        ByCategory = byCategory;
        // Within a category the first items sell most: weight 1/(rank+1)^0.8.
        PopularityTables = [.. byCategory.Select(list => DemoRandom.Cumulative(list.Select((_, rank) => 1.0 / Math.Pow(rank + 1, 0.8))))];
    }

    public IReadOnlyList<CatalogProduct> Products { get; }

    public IReadOnlyList<CatalogProduct>[] ByCategory { get; }

    public double[][] PopularityTables { get; }

    public static int CategoryCount => Specs.Length;

    public static string CategoryName(int category) => Specs[category].Name;

    /// <summary>The cumulative category weights of one day (season included).</summary>
    public static double[] CategoryTable(DateOnly day) =>
        DemoRandom.Cumulative(Specs.Select(spec => spec.Weight * Patterns.CategorySeason(spec.Name, day)));
}
