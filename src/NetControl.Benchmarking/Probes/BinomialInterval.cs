namespace NetControl.Benchmarking.Probes;

/// <summary>
/// The central 95% interval of a binomial count: the smallest k with P(X &lt;= k) &gt;= 0.025 and the smallest k with
/// P(X &lt;= k) &gt;= 0.975, X ~ Binomial(n, p), from the exact probabilities (log space, so n in the tens of thousands
/// is fine). A measured loss count inside it is what an unbiased counter would show 95% of the time.
/// </summary>
public static class BinomialInterval
{
    public static (long Low, long High) Central95(long n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (p <= 0 || n == 0)
        {
            return (0, 0);
        }

        if (p >= 1)
        {
            return (n, n);
        }

        double logP = Math.Log(p);
        double logQ = Math.Log(1 - p);
        double logNFact = LogFactorial(n);
        double cumulative = 0;
        long low = -1;
        for (long k = 0; k <= n; k++)
        {
            cumulative += Math.Exp(logNFact - LogFactorial(k) - LogFactorial(n - k) + (k * logP) + ((n - k) * logQ));
            if (low < 0 && cumulative >= 0.025)
            {
                low = k;
            }

            if (cumulative >= 0.975)
            {
                return (low, k);
            }
        }

        return (Math.Max(low, 0), n);
    }

    private static double LogFactorial(long n)
    {
        // Exact sum for small n, Stirling's series beyond (error far below what matters here).
        if (n < 64)
        {
            double sum = 0;
            for (long i = 2; i <= n; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        double x = n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }
}
