package dev.sloscout.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The Data quality view model follows the analysis: a row per measured service, the recommendations ranked. */
class DataQualityViewModelTest {
    @Test
    void rowsAndRecommendationsFollowTheAnalysis() {
        SimpleObjectProperty<Analysis> analysis = new SimpleObjectProperty<>();
        DataQualityViewModel model = new DataQualityViewModel(analysis);
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("Open traces or logs");

        Analysis demo = new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { }).demo(0.05);
        analysis.set(demo);

        assertThat(model.rows()).hasSize(demo.dataQuality().services().size()).isNotEmpty();
        var first = demo.dataQuality().services().get(0);
        DataQualityViewModel.Row row = model.rows().get(0);
        assertThat(row.service()).isEqualTo(first.service());
        assertThat(row.score()).isEqualTo(first.score());
        assertThat(row.status()).isEqualTo(first.statusCoverage().total() == 0 ? Double.NaN
                : first.statusCoverage().ratio());
        assertThat(row.detail()).contains("status " + String.format(java.util.Locale.ROOT, "%,d of %,d",
                first.statusCoverage().count(), first.statusCoverage().total()));
        assertThat(model.recommendations()).hasSize(demo.dataQuality().recommendations().size());
        assertThat(model.summaryProperty().get()).startsWith(demo.dataQuality().services().size() + " services");

        analysis.set(null);
        assertThat(model.rows()).isEmpty();
        assertThat(model.recommendations()).isEmpty();
    }
}
