namespace NetControl.Core.Topology;

/// <summary>A point on the Earth in decimal degrees (WGS 84).</summary>
public readonly record struct GeoCoordinate
{
    /// <summary>Mean Earth radius used for great-circle distances (km).</summary>
    public const double EarthRadiusKm = 6371.0;

    public GeoCoordinate(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude < -90 || latitude > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "latitude must be between -90 and 90 degrees");
        }

        if (!double.IsFinite(longitude) || longitude < -180 || longitude > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "longitude must be between -180 and 180 degrees");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    /// <summary>True when both values are in range, so the constructor would accept them.</summary>
    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && latitude is >= -90 and <= 90 &&
        double.IsFinite(longitude) && longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance (haversine, spherical Earth of radius 6371 km).</summary>
    public double DistanceKmTo(GeoCoordinate other)
    {
        double lat1 = DegreesToRadians(Latitude);
        double lat2 = DegreesToRadians(other.Latitude);
        double dLat = lat2 - lat1;
        double dLon = DegreesToRadians(other.Longitude - Longitude);
        double h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                   (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    public override string ToString() => FormattableString.Invariant($"{Latitude:0.####},{Longitude:0.####}");

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;
}
