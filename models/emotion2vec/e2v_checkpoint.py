"""Loads emotion2vec+ through FunASR and checks the facts the export relies on:
feature size, frame geometry, label order, that the checkpoint really was
loaded, and what FunASR itself answers for a clip."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from e2v_common import (
    CANONICAL_LABELS,
    EXPECTED_EMBED_DIM,
    HOP_SAMPLES,
    HUB_IDS,
    SAMPLE_RATE,
    WINDOW_SAMPLES,
    fail,
    normalise,
    say,
)

# Parts of the network that produce the features. A key under one of these
# that the checkpoint lacks would leave random weights in the exported graph;
# the pre-training decoder and EMA teacher are not used for features.
FEATURE_PATH_PREFIXES = (
    "modality_encoders.AUDIO.local_encoder.",
    "modality_encoders.AUDIO.project_features.",
    "modality_encoders.AUDIO.relative_positional_encoder.",
    "modality_encoders.AUDIO.context_encoder.",
    "modality_encoders.AUDIO.extra_tokens",
    "modality_encoders.AUDIO.alibi_scale",
    "blocks.",
    "norm.",
    "proj.",
)


def load_auto_model(size: str, hub: str) -> Tuple[Any, str]:
    from funasr import AutoModel  # type: ignore

    model_id = HUB_IDS[hub].format(size=size)
    say(f"loading {model_id} from {'ModelScope' if hub == 'ms' else 'Hugging Face'} (downloads 0.4-1.3 GB the first time)")
    try:
        auto_model = AutoModel(model=model_id, hub=hub, device="cpu", disable_update=True, disable_pbar=True)
    except Exception as error:  # a failed download surfaces as "... is not registered"
        other = "hf" if hub == "ms" else "ms"
        fail(f"FunASR could not load {model_id}: {error}. Check the network and the model id, or try --hub {other}.")
    inner = getattr(auto_model, "model", None)
    if inner is None or type(inner).__name__ != "Emotion2vec":
        fail(f"{model_id} did not load as FunASR's Emotion2vec (got {type(inner).__name__}); pip install -U funasr")
    inner.eval()
    return auto_model, model_id


def config_value(config: Any, *path: str) -> Any:
    node = config
    for key in path:
        if node is None:
            return None
        try:
            node = node[key]
        except (KeyError, TypeError, IndexError):
            node = getattr(node, key, None)
    return node


def check_embed_dim(auto_model: Any, size: str) -> int:
    embed_dim = config_value(auto_model.kwargs, "model_conf", "embed_dim")
    if embed_dim is None:
        embed_dim = config_value(auto_model.model.cfg, "embed_dim")
    if embed_dim is None:
        fail("config.yaml has no model_conf.embed_dim; cannot check the feature size")
    embed_dim = int(embed_dim)
    expected = EXPECTED_EMBED_DIM[size]
    if embed_dim != expected:
        fail(
            f"config.yaml says embed_dim {embed_dim}, but emotion2vec+ {size} has {expected}. Did the hub serve "
            f"another model? Check --model and the model folder {auto_model.kwargs.get('model_path')}."
        )
    return embed_dim


def check_frame_geometry(auto_model: Any) -> None:
    encoder = auto_model.model.modality_encoders["AUDIO"]
    layers = getattr(encoder, "feature_enc_layers", None)
    if layers is None:
        spec = config_value(auto_model.kwargs, "model_conf", "modalities", "audio", "feature_encoder_spec")
        if not isinstance(spec, str):
            fail("cannot find the convolutional front end's layers (feature_encoder_spec)")
        layers = eval(spec, {"__builtins__": {}}, {})  # FunASR evaluates the same string
    window, hop = 1, 1
    for _, kernel, stride in layers:
        window += (int(kernel) - 1) * hop
        hop *= int(stride)
    if (window, hop) != (WINDOW_SAMPLES, HOP_SAMPLES):
        fail(
            f"the front end has a {window}-sample window and a {hop}-sample hop; the manifest assumes "
            f"{WINDOW_SAMPLES} and {HOP_SAMPLES} (50 frames per second). This is not an emotion2vec+ model."
        )


def canonical_label(token: str) -> str:
    """'生气/angry' -> 'angry', '<unk>' -> 'unknown'."""
    token = token.strip()
    if token == "<unk>":
        return "unknown"
    return token.split("/")[-1].strip().lower()


def check_labels(auto_model: Any) -> List[str]:
    tokenizer = auto_model.kwargs.get("tokenizer")
    tokens = list(getattr(tokenizer, "token_list", None) or [])
    if not tokens:
        fail("the model has no token list (tokens.txt), so the label order cannot be checked")
    labels = [canonical_label(token) for token in tokens]
    if labels != CANONICAL_LABELS:
        fail(f"the model's labels {tokens} map to {labels}, not {CANONICAL_LABELS} in this order; the head would be misaligned")
    return tokens


def _checkpoint_state(path: str) -> Dict[str, Any]:
    import torch

    state = torch.load(path, map_location="cpu")
    for key in ("state_dict", "model_state_dict", "model"):  # the unwrapping FunASR's loader does
        if isinstance(state, dict) and isinstance(state.get(key), dict):
            state = state[key]
    if not isinstance(state, dict):
        fail(f"{path} does not hold a state dict")
    return state


def _stored(state: Dict[str, Any], key: str) -> Any:
    for candidate in (key, "module." + key):
        if candidate in state:
            return state[candidate]
    return None


def check_weights_loaded(auto_model: Any, embed_dim: int) -> Tuple[Any, Any, Dict[str, Any]]:
    """FunASR loads with ignore_init_mismatch=True and only prints missing keys,
    so a mismatch would silently leave random weights: compare the loaded
    model with the checkpoint file, and take the head from the file."""
    import numpy as np
    import torch

    init_param = str(auto_model.kwargs.get("init_param", "")).strip(",").split(",")[0]
    if not init_param or not os.path.exists(init_param):
        fail(f"cannot find the checkpoint file (init_param = {auto_model.kwargs.get('init_param')!r})")
    state = _checkpoint_state(init_param)
    model_state = auto_model.model.state_dict()
    feature_keys = [key for key in model_state if key.startswith(FEATURE_PATH_PREFIXES)]
    missing, different = [], []
    for key in feature_keys:
        stored = _stored(state, key)
        if stored is None:
            missing.append(key)
        elif tuple(stored.shape) != tuple(model_state[key].shape) or not torch.equal(stored.to(model_state[key].dtype), model_state[key].cpu()):
            different.append(key)
    if missing or different:
        fail(
            f"the loaded model does not match {init_param}: missing from the checkpoint {missing[:8]}, different {different[:8]}. "
            "FunASR would have left random weights there; update FunASR or delete the cached model and download it again."
        )

    weight, bias = _stored(state, "proj.weight"), _stored(state, "proj.bias")
    if weight is None or bias is None:
        fail(f"{init_param} has no proj.weight / proj.bias, so no 9-class head (is this emotion2vec+?)")
    weight_np = weight.detach().cpu().float().numpy().astype(np.float32)
    bias_np = bias.detach().cpu().float().numpy().astype(np.float32)
    classes = len(CANONICAL_LABELS)
    if weight_np.shape != (classes, embed_dim) or bias_np.shape != (classes,):
        fail(f"the head is proj.weight {weight_np.shape}, proj.bias {bias_np.shape}; expected ({classes}, {embed_dim}) and ({classes},)")
    return weight_np, bias_np, {"checkpoint": os.path.basename(init_param), "tensorsCompared": len(feature_keys)}


def load_clip(auto_model: Any, clip: Optional[Path]) -> Tuple[Any, str]:
    import numpy as np

    path = clip if clip is not None else Path(str(auto_model.kwargs.get("model_path", ""))) / "example" / "test.wav"
    if not path.is_file():
        fail(f"no test clip at {path}; pass one with --clip (a speech recording of 2-20 s, any sample rate)")
    # FunASR's own loader, so the checks see exactly the samples generate() sees.
    from funasr.utils.load_utils import load_audio_text_image_video  # type: ignore

    loaded = load_audio_text_image_video([str(path)], fs=SAMPLE_RATE, audio_fs=SAMPLE_RATE, data_type="sound")
    samples = loaded[0] if isinstance(loaded, (list, tuple)) else loaded
    samples = samples.detach().cpu().numpy() if hasattr(samples, "detach") else np.asarray(samples)
    samples = samples.astype(np.float32).reshape(-1)
    if samples.size < 2 * SAMPLE_RATE:
        fail(f"{path} is {samples.size / SAMPLE_RATE:.2f} s long; use a clip of at least 2 s")
    return samples, str(path)


def torch_frames(auto_model: Any, waveform: Any, normalize: bool) -> Any:
    """Frame features as FunASR's inference computes them. Call before the
    export: FunASR's exporter rebinds the model's forward for tracing."""
    import torch

    source = normalise(waveform) if normalize else waveform
    with torch.no_grad():
        features = auto_model.model.extract_features(torch.from_numpy(source).view(1, -1), padding_mask=None)
    return features["x"][0].detach().cpu().numpy()


def funasr_utterance(auto_model: Any, clip_path: str) -> Tuple[List[str], Any, Any]:
    import numpy as np

    results = auto_model.generate(clip_path, granularity="utterance", extract_embedding=True)
    if not results or "scores" not in results[0]:
        fail(f"FunASR's generate() returned no scores: {str(results)[:300]}")
    result = results[0]
    labels = [canonical_label(str(label)) for label in result.get("labels", [])]
    feats = result.get("feats")
    return labels, np.asarray(result["scores"], dtype=np.float64), (None if feats is None else np.asarray(feats, dtype=np.float64))


def compare_with_funasr(ours: Any, funasr_labels: List[str], funasr_scores: Any) -> Tuple[float, List[str]]:
    """Some FunASR versions hide labels after the fact (logit set to -inf, or
    the label dropped); renormalising ours over the labels FunASR kept gives
    the same numbers when the logits agree."""
    import numpy as np

    if len(funasr_labels) != len(funasr_scores):
        fail(f"FunASR returned {len(funasr_labels)} labels and {len(funasr_scores)} scores")
    unknown = [label for label in funasr_labels if label not in CANONICAL_LABELS]
    if unknown:
        fail(f"FunASR returned labels {unknown} outside {CANONICAL_LABELS}")
    kept = [(label, score) for label, score in zip(funasr_labels, funasr_scores) if score > 0.0]
    if not kept:
        fail("FunASR returned only zero scores")
    index = [CANONICAL_LABELS.index(label) for label, _ in kept]
    renormalised = ours[index] / ours[index].sum()
    theirs = np.asarray([score for _, score in kept])
    hidden = [label for label in CANONICAL_LABELS if label not in {label for label, _ in kept}]
    return float(np.abs(renormalised - theirs).max()), hidden
