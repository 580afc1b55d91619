using Dapper;

namespace Northstar.DuckDb.Tests;

public sealed class DapperTests : IDisposable
{
    private readonly DuckDbConnection _connection = Sql.OpenMemory();

    public DapperTests() => _connection.Execute("""
        create table customers (id integer, name varchar, since date);
        create table orders (id bigint, customer_id integer, total decimal(18,2), placed timestamp);
        insert into customers values (1, 'Ada', '2020-01-05'), (2, 'Linus', '2021-06-30');
        insert into orders values (10, 1, 12.50, '2024-01-01 10:00'), (11, 1, 7.25, '2024-01-02 11:00'), (12, 2, 100, '2024-01-03 12:00');
        """);

    public void Dispose() => _connection.Dispose();

    public sealed record Customer(int Id, string Name, DateTime Since);

    public sealed class Order
    {
        public long Id { get; set; }

        public decimal Total { get; set; }

        public DateTime Placed { get; set; }

        public Customer? Customer { get; set; }
    }

    [Fact]
    public void Query_maps_rows_to_records_and_classes_with_anonymous_parameters()
    {
        var customers = _connection.Query<Customer>("select id, name, since from customers where id >= $min order by id", new { min = 1 }).ToList();
        Assert.Equal([new Customer(1, "Ada", new DateTime(2020, 1, 5)), new Customer(2, "Linus", new DateTime(2021, 6, 30))], customers);

        var orders = _connection.Query<Order>("select id, total, placed from orders where customer_id = $customer order by id", new { customer = 1 }).ToList();
        Assert.Equal([10L, 11L], orders.Select(o => o.Id));
        Assert.Equal(19.75m, orders.Sum(o => o.Total));
    }

    [Fact]
    public void Multi_mapping_splits_a_row_into_objects()
    {
        var orders = _connection.Query<Order, Customer, Order>(
            "select o.id, o.total, o.placed, c.id, c.name, c.since from orders o join customers c on c.id = o.customer_id order by o.id",
            (order, customer) =>
            {
                order.Customer = customer;
                return order;
            },
            splitOn: "id").ToList();
        Assert.Equal(["Ada", "Ada", "Linus"], orders.Select(o => o.Customer!.Name));
    }

    [Fact]
    public void ExecuteScalar_converts_to_the_requested_type_including_sums()
    {
        Assert.Equal(3L, _connection.ExecuteScalar<long>("select count(*) from orders"));
        Assert.Equal(33L, _connection.ExecuteScalar<long>("select sum(id) from orders"));
        Assert.Equal(119.75m, _connection.ExecuteScalar<decimal>("select sum(total) from orders"));
        Assert.Equal("Ada", _connection.ExecuteScalar<string>("select name from customers where id = $id", new { id = 1 }));
        Assert.Null(_connection.ExecuteScalar<int?>("select id from customers where false"));
    }

    [Fact]
    public void QueryMultiple_reads_the_results_of_several_statements()
    {
        using var grid = _connection.QueryMultiple("select count(*) from customers; select id from orders order by id; select name from customers where id = $id", new { id = 2 });
        Assert.Equal(2L, grid.ReadSingle<long>());
        Assert.Equal([10L, 11L, 12L], grid.Read<long>());
        Assert.Equal("Linus", grid.ReadSingle<string>());
    }

    [Fact]
    public void Execute_with_a_list_of_parameter_objects_runs_once_per_item()
    {
        var inserted = _connection.Execute("insert into customers values ($id, $name, $since)", new[]
        {
            new { id = 3, name = "Grace", since = new DateTime(2022, 2, 2) },
            new { id = 4, name = "Ken", since = new DateTime(2023, 3, 3) },
        });
        Assert.Equal(2, inserted);
        Assert.Equal(4L, _connection.ExecuteScalar<long>("select count(*) from customers"));
    }
}
