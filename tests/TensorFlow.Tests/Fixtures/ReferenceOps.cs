namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>Plain loops computing TensorFlow's NHWC convolution and pooling, to check the lowered graphs against.</summary>
public static class ReferenceOps
{
    /// <summary>TF's SAME/VALID output size and leading padding for one spatial axis.</summary>
    public static (int Output, int PadBefore) Window(int input, int kernel, int stride, bool same)
    {
        if (!same)
        {
            return ((input - kernel + stride) / stride, 0);
        }
        var output = (input + stride - 1) / stride;
        var total = Math.Max(((output - 1) * stride) + kernel - input, 0);
        return (output, total / 2);
    }

    /// <summary>Conv2D on x [n,h,w,c] with filter [kh,kw,c,o].</summary>
    public static float[] Conv2D(float[] x, int n, int h, int w, int c, float[] filter, int kh, int kw, int o, int stride, bool same, out int outH, out int outW)
    {
        var (oh, padTop) = Window(h, kh, stride, same);
        var (ow, padLeft) = Window(w, kw, stride, same);
        outH = oh;
        outW = ow;
        var y = new float[n * oh * ow * o];
        for (var b = 0; b < n; b++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        for (var k = 0; k < o; k++)
        {
            double sum = 0;
            for (var di = 0; di < kh; di++)
            for (var dj = 0; dj < kw; dj++)
            {
                var yIn = (i * stride) + di - padTop;
                var xIn = (j * stride) + dj - padLeft;
                if (yIn < 0 || yIn >= h || xIn < 0 || xIn >= w)
                {
                    continue;
                }
                for (var ch = 0; ch < c; ch++)
                {
                    sum += x[(((b * h) + yIn) * w + xIn) * c + ch] * filter[(((di * kw) + dj) * c + ch) * o + k];
                }
            }
            y[(((b * oh) + i) * ow + j) * o + k] = (float)sum;
        }
        return y;
    }

    /// <summary>Depthwise conv on x [n,h,w,c] with filter [kh,kw,c,m]: output channel ch*m + j.</summary>
    public static float[] DepthwiseConv2D(float[] x, int n, int h, int w, int c, float[] filter, int kh, int kw, int m, int stride, bool same)
    {
        var (oh, padTop) = Window(h, kh, stride, same);
        var (ow, padLeft) = Window(w, kw, stride, same);
        var y = new float[n * oh * ow * c * m];
        for (var b = 0; b < n; b++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        for (var ch = 0; ch < c; ch++)
        for (var q = 0; q < m; q++)
        {
            double sum = 0;
            for (var di = 0; di < kh; di++)
            for (var dj = 0; dj < kw; dj++)
            {
                var yIn = (i * stride) + di - padTop;
                var xIn = (j * stride) + dj - padLeft;
                if (yIn >= 0 && yIn < h && xIn >= 0 && xIn < w)
                {
                    sum += x[(((b * h) + yIn) * w + xIn) * c + ch] * filter[(((di * kw) + dj) * c + ch) * m + q];
                }
            }
            y[((((b * oh) + i) * ow + j) * c + ch) * m + q] = (float)sum;
        }
        return y;
    }

    /// <summary>Max or average pooling on x [n,h,w,c]; averages count only real (unpadded) elements, as TF does.</summary>
    public static float[] Pool(float[] x, int n, int h, int w, int c, int k, int stride, bool same, bool max)
    {
        var (oh, padTop) = Window(h, k, stride, same);
        var (ow, padLeft) = Window(w, k, stride, same);
        var y = new float[n * oh * ow * c];
        for (var b = 0; b < n; b++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        for (var ch = 0; ch < c; ch++)
        {
            var best = float.NegativeInfinity;
            double sum = 0;
            var count = 0;
            for (var di = 0; di < k; di++)
            for (var dj = 0; dj < k; dj++)
            {
                var yIn = (i * stride) + di - padTop;
                var xIn = (j * stride) + dj - padLeft;
                if (yIn >= 0 && yIn < h && xIn >= 0 && xIn < w)
                {
                    var v = x[(((b * h) + yIn) * w + xIn) * c + ch];
                    best = Math.Max(best, v);
                    sum += v;
                    count++;
                }
            }
            y[(((b * oh) + i) * ow + j) * c + ch] = max ? best : (float)(sum / count);
        }
        return y;
    }

    public static float[] Sequence(int count, Func<int, float> value) => Enumerable.Range(0, count).Select(value).ToArray();

    /// <summary>
    /// Conv2DBackpropInput: dy [n,ih,iw,o] spread back through filter [kh,kw,c,o] onto an [n,oh,ow,c] output, padded
    /// as the forward convolution from [oh,ow] would have been.
    /// </summary>
    public static float[] ConvTranspose(float[] dy, int n, int ih, int iw, int o, float[] filter, int kh, int kw, int c, int oh, int ow, int stride, bool same)
    {
        var padTop = same ? Window(oh, kh, stride, true).PadBefore : 0;
        var padLeft = same ? Window(ow, kw, stride, true).PadBefore : 0;
        var dx = new double[n * oh * ow * c];
        for (var b = 0; b < n; b++)
        for (var i = 0; i < ih; i++)
        for (var j = 0; j < iw; j++)
        for (var k = 0; k < o; k++)
        for (var di = 0; di < kh; di++)
        for (var dj = 0; dj < kw; dj++)
        {
            var y = (i * stride) + di - padTop;
            var x = (j * stride) + dj - padLeft;
            if (y < 0 || y >= oh || x < 0 || x >= ow)
            {
                continue;
            }
            for (var ch = 0; ch < c; ch++)
            {
                dx[(((b * oh) + y) * ow + x) * c + ch] += dy[(((b * ih) + i) * iw + j) * o + k] * filter[(((di * kw) + dj) * c + ch) * o + k];
            }
        }
        return dx.Select(v => (float)v).ToArray();
    }
}
