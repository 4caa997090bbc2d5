// GB/T 2260 region codes to the names people know them by ("湖南省 长沙市 岳麓区"), from a maintained
// dataset package rather than a table typed here: prefectures and counties are renamed and merged
// every year, and the package follows the Ministry of Civil Affairs' list.
import { areaList } from '@vant/area-data';

// Groupings the code list carries that are not places: a municipality's 市辖区 (listed under the
// municipality's own name), Chongqing's 县, and the counties a province administers directly.
const NOT_A_PLACE = /^(市辖区|县|省直辖县.*|自治区直辖县级行政区划)$/;

/**
 * The names of a 6-digit code, province first: "湖南省", "湖南省 长沙市", "湖南省 长沙市 岳麓区",
 * "北京市 东城区". Where the code itself is not in the list (abolished, mistyped), the names of the
 * levels above it that are, then the code, so the reader still sees what was registered.
 * null when not even its province is known.
 */
export function regionNames(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  const province = areaList.province_list[`${code.slice(0, 2)}0000`];
  if (province === undefined) return null;
  if (code.endsWith('0000')) return province;
  const city = areaList.city_list[`${code.slice(0, 4)}00`];
  const names = [province];
  if (city !== undefined && city !== province && !NOT_A_PLACE.test(city)) names.push(city);
  if (code.endsWith('00')) return city === undefined ? `${province} ${code}` : names.join(' ');
  const county = areaList.county_list[code];
  return [...names, county ?? code].join(' ');
}

/** The province's name from the first two digits of a code; null when unknown. */
export function provinceName(code: string): string | null {
  return areaList.province_list[`${code.slice(0, 2)}0000`] ?? null;
}
