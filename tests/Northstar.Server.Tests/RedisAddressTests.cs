using Northstar.Server.Options;

namespace Northstar.Server.Tests;

public sealed class RedisAddressTests
{
    [Theory]
    [InlineData("localhost:6379")]
    [InlineData("127.0.0.1:56379,abortConnect=false")]
    [InlineData("redis-a:6379,redis-b:6379,password=s3cret,ssl=true")]
    [InlineData("[::1]:6379")]
    public void Accepts_host_port_with_optional_endpoints_and_options(string value) => Assert.True(RedisAddress.IsValid(value));

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:0")]
    [InlineData("localhost:70000")]
    [InlineData("localhost:port")]
    [InlineData(":6379")]
    [InlineData("abortConnect=false,localhost:6379")]
    [InlineData("localhost:6379,garbage")]
    public void Rejects_anything_else(string value) => Assert.False(RedisAddress.IsValid(value));
}
