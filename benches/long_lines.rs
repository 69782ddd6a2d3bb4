//! Reading files written on one line (issue 13, point 8): a TMX of many units, a TBX of many concept
//! entries, an SRX of many rules and a plain text of many sentences, each of 1, 10 and 100 MB on a single
//! line. Positions are counted once over a line, so the throughput must stay about the same from 1 to 100
//! MB: time grows with the size, not with its square.
//!
//! The inputs are generated here. TMX is read as a stream through [`TmxReader`], TBX and SRX through
//! their readers of bytes (decoding included), and the text is split into sentences with the built-in
//! French rules.
//!
//! Run: `cargo bench --bench long_lines` (TRAME_BENCH_QUICK=1 leaves out the 100 MB inputs).

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use trame::Language;
use trame::segment::Segmenter;
use trame::segment::srx::SrxDocument;
use trame::tmx::{Item, TmxReader};

const MB: usize = 1_000_000;

/// `head`, then `item(k)` for k = 0, 1, ... until about `size` bytes, then `tail`, all on one line.
fn one_line(size: usize, head: &str, item: impl Fn(usize) -> String, tail: &str) -> Vec<u8> {
    let mut text = String::with_capacity(size + 4096);
    text.push_str(head);
    let mut k = 0;
    while text.len() + tail.len() < size {
        text.push_str(&item(k));
        k += 1;
    }
    text.push_str(tail);
    text.into_bytes()
}

fn tmx(size: usize) -> Vec<u8> {
    let unit = |k: usize| {
        format!(
            "<tu tuid=\"{k}\"><prop type=\"x-n\">{k}</prop><tuv xml:lang=\"fr\"><seg>Le train n° {k} part à \
             <bpt i=\"1\">&lt;b&gt;</bpt>21 h<ept i=\"1\">&lt;/b&gt;</ept>.</seg></tuv><tuv xml:lang=\"en\"><seg>\
             Train {k} leaves at 9 p.m.</seg></tuv></tu>"
        )
    };
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tmx version=\"1.4\"><header srclang=\"fr\" \
                creationtool=\"bench\"/><body>";
    one_line(size, head, unit, "</body></tmx>")
}

fn tbx(size: usize) -> Vec<u8> {
    let entry = |k: usize| {
        format!(
            "<conceptEntry id=\"c{k}\"><descrip type=\"subjectField\">rail</descrip><langSec xml:lang=\"fr\">\
             <termSec><term>train de nuit n° {k}</term><termNote type=\"administrativeStatus\">\
             preferredTerm-admn-sts</termNote></termSec></langSec><langSec xml:lang=\"en\"><termSec>\
             <term>night train {k}</term></termSec></langSec></conceptEntry>"
        )
    };
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tbx type=\"TBX-Basic\" style=\"dca\"><text><body>";
    one_line(size, head, entry, "</body></text></tbx>")
}

fn srx(size: usize) -> Vec<u8> {
    let rule = |k: usize| {
        format!(
            "<rule break=\"no\"><beforebreak>\\b(?:abr{k}|é{k})\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
        )
    };
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><srx version=\"2.0\"><header cascade=\"no\"/><body>\
                <languagerules><languagerule languagerulename=\"Français\">";
    let tail = "</languagerule></languagerules><maprules><languagemap languagepattern=\"fr.*\" \
                languagerulename=\"Français\"/></maprules></body></srx>";
    one_line(size, head, rule, tail)
}

fn text(size: usize) -> String {
    let sentence =
        |k: usize| format!("Le train n° {k} part à 21 h 40 de Strasbourg, dit M. Dupont. Il arrive à Nice ! ");
    String::from_utf8(one_line(size, "", sentence, "")).expect("UTF-8")
}

fn read_tmx(bytes: &[u8]) -> usize {
    let mut reader = TmxReader::open(bytes, "long.tmx").expect("a TMX file");
    let mut units = 0;
    while let Some(item) = reader.next_item().expect("well-formed") {
        units += usize::from(matches!(item, Item::Unit(_)));
    }
    units
}

fn bench(c: &mut Criterion) {
    let quick = std::env::var_os("TRAME_BENCH_QUICK").is_some();
    let sizes: &[usize] = if quick { &[MB, 10 * MB] } else { &[MB, 10 * MB, 100 * MB] };
    let segmenter = Segmenter::builtin(&Language::parse("fr").expect("French"));
    let mut group = c.benchmark_group("one_line");
    group.sample_size(10).sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    for &size in sizes {
        let mb = format!("{}MB", size / MB);
        let input = tmx(size);
        group.throughput(Throughput::BytesDecimal(input.len() as u64));
        group.bench_function(BenchmarkId::new("tmx", &mb), |b| b.iter(|| read_tmx(black_box(&input))));
        let input = tbx(size);
        group.throughput(Throughput::BytesDecimal(input.len() as u64));
        group.bench_function(BenchmarkId::new("tbx", &mb), |b| {
            b.iter(|| trame::tbx::read_bytes(black_box(&input), "long.tbx").expect("a TBX file").base.concepts.len())
        });
        let input = srx(size);
        group.throughput(Throughput::BytesDecimal(input.len() as u64));
        group.bench_function(BenchmarkId::new("srx", &mb), |b| {
            b.iter(|| SrxDocument::read(black_box(&input), "long.srx").expect("an SRX file").language_rules().len())
        });
        let input = text(size);
        group.throughput(Throughput::BytesDecimal(input.len() as u64));
        group
            .bench_function(BenchmarkId::new("text", &mb), |b| b.iter(|| segmenter.sentences(black_box(&input)).len()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
