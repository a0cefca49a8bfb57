package org.probity.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of a report, drawn with XChart and written as PNG: the log-SNR curve of each
 * schedule examined, and the per-timestep VLB terms of each. The x axis is t / T so schedules of
 * different lengths share one chart. Points that cannot be drawn (log SNR_T = −∞ for a
 * zero-terminal-SNR schedule, the t = 1 decoder term) are left out.
 */
public final class Charts {
    /** File name of the log-SNR chart. */
    public static final String LOG_SNR = "log-snr.png";
    /** File name of the VLB-terms chart. */
    public static final String VLB_TERMS = "vlb-terms.png";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    /**
     * Writes {@value #LOG_SNR} and {@value #VLB_TERMS} into {@code dir}.
     *
     * @param curves the schedules
     * @param dir    an existing directory
     * @return the file names written, in order
     * @throws IOException if a file cannot be written
     */
    public static List<String> write(List<ScheduleCurve> curves, Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<String> names = new ArrayList<>();
        BitmapEncoder.saveBitmap(logSnrChart(curves), dir.resolve(LOG_SNR).toString(), BitmapEncoder.BitmapFormat.PNG);
        names.add(LOG_SNR);
        BitmapEncoder.saveBitmap(vlbChart(curves), dir.resolve(VLB_TERMS).toString(), BitmapEncoder.BitmapFormat.PNG);
        names.add(VLB_TERMS);
        return names;
    }

    /**
     * @param curves the schedules
     * @return the chart of \( \log \mathrm{SNR}_t \) against t / T
     */
    public static XYChart logSnrChart(List<ScheduleCurve> curves) {
        XYChart chart = base("log-SNR of the noise schedules", "t / T", "log SNR(t) = log(ᾱ_t / (1 − ᾱ_t))  [nats]");
        for (ScheduleCurve c : curves) {
            add(chart, c.name(), c.logSnr(), false);
        }
        return chart;
    }

    /**
     * @param curves the schedules
     * @return the chart of the VLB terms \( L_{t-1} \) (bits/dim, log scale) against t / T
     */
    public static XYChart vlbChart(List<ScheduleCurve> curves) {
        XYChart chart = base("VLB terms L_{t-1} of the optimal reverse process, Gaussian data of variance 1/3",
                "t / T", "L_{t-1} = I(x_0; x_{t-1} | x_t)  [bits/dim, log scale]");
        chart.getStyler().setYAxisLogarithmic(true);
        for (ScheduleCurve c : curves) {
            add(chart, c.name(), c.vlbTerms(), true);
        }
        return chart;
    }

    private static XYChart base(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] values, boolean positiveOnly) {
        int n = values.length;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                xs.add((i + 1) / (double) n);
                ys.add(v);
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setMarker(SeriesMarkers.NONE);
        }
    }
}
