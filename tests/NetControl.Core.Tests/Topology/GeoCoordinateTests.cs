using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

public class GeoCoordinateTests
{
    private static readonly GeoCoordinate Geneva = new(46.2044, 6.1432);
    private static readonly GeoCoordinate NewYork = new(40.7128, -74.0060);

    [Fact]
    public void DistanceKmTo_GenevaNewYork_IsAbout6200Km()
    {
        Assert.Equal(6216.4, Geneva.DistanceKmTo(NewYork), 1);
        Assert.Equal(Geneva.DistanceKmTo(NewYork), NewYork.DistanceKmTo(Geneva), 9);
    }

    [Fact]
    public void DistanceKmTo_SpecialCases_FollowTheSphere()
    {
        Assert.Equal(0, Geneva.DistanceKmTo(Geneva));
        Assert.Equal(Math.PI * GeoCoordinate.EarthRadiusKm, new GeoCoordinate(0, 0).DistanceKmTo(new GeoCoordinate(0, 180)), 6);
        Assert.Equal(Math.PI * GeoCoordinate.EarthRadiusKm, new GeoCoordinate(90, 0).DistanceKmTo(new GeoCoordinate(-90, 0)), 6);
        Assert.Equal(111.195, new GeoCoordinate(0, 0).DistanceKmTo(new GeoCoordinate(1, 0)), 3);
        Assert.Equal(0, new GeoCoordinate(10, 180).DistanceKmTo(new GeoCoordinate(10, -180)), 6);
    }

    [Theory]
    [InlineData(90.0001, 0, "latitude")]
    [InlineData(-91, 0, "latitude")]
    [InlineData(double.NaN, 0, "latitude")]
    [InlineData(0, 180.5, "longitude")]
    [InlineData(0, double.NegativeInfinity, "longitude")]
    public void Constructor_OutOfRange_Throws(double lat, double lon, string parameter)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => new GeoCoordinate(lat, lon)).ParamName);
        Assert.False(GeoCoordinate.IsValid(lat, lon));
    }

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 0)]
    public void IsValid_Bounds_AreInclusive(double lat, double lon)
    {
        Assert.True(GeoCoordinate.IsValid(lat, lon));
        Assert.Equal(lat, new GeoCoordinate(lat, lon).Latitude);
    }

    [Fact]
    public void ToString_IsLatitudeCommaLongitude()
    {
        Assert.Equal("46.2044,6.1432", Geneva.ToString());
        Assert.Equal("40.7128,-74.006", NewYork.ToString());
    }
}
