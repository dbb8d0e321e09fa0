import type { Label } from '../lib/use-text';

/** The map's words, zh first (kept beside the map so its chunk carries them). */
export const MAP_TEXT = {
  hint: {
    zh: '在地图上点按隐患所在位置放置标记，可拖动标记微调。使用键盘时，用方向键移动地图、+/− 缩放，再按“在十字中心放置标记”。',
    en: 'Tap the map where the hazard is to drop a pin; drag the pin to adjust it. With a keyboard, move the map with the arrow keys, zoom with + and −, then press “Drop the pin at the cross”.',
  },
  mapLabel: { zh: '选择隐患位置的地图', en: 'Map for choosing where the hazard is' },
  pinTitle: { zh: '隐患位置标记（可拖动）', en: 'Hazard location pin (drag to move)' },
  dropAtCentre: { zh: '在十字中心放置标记', en: 'Drop the pin at the cross' },
  pinAt: { zh: '已放置标记：北纬 {lat}，东经 {lng}', en: 'Pin dropped at {lat} N, {lng} E' },
  noPin: { zh: '尚未放置标记', en: 'No pin yet' },
  modeMap: { zh: '地图选点', en: 'Pin on a map' },
  noteLabel: { zh: '位置说明（选填）', en: 'About the spot (optional)' },
  noteHint: { zh: '如楼层、门牌号或附近的标志物。', en: 'Floor, door number or a landmark nearby.' },
  handlerNone: { zh: '在地图上放置标记后，这里会显示受理单位。', en: 'Once you drop a pin, the office that will handle the report is shown here.' },
  pinRequired: { zh: '请在地图上放置标记，标明隐患位置', en: 'Drop a pin on the map where the hazard is' },
  pinAddress: { zh: '地图选点（北纬 {lat}，东经 {lng}）', en: 'Pin on the map ({lat} N, {lng} E)' },
  loadingMap: { zh: '正在加载地图…', en: 'Loading the map…' },
  boundariesFailed: { zh: '辖区边界加载失败，仍可放置标记。', en: 'The jurisdiction outlines did not load; you can still drop a pin.' },
} as const satisfies Record<string, Label>;
